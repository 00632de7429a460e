"""Analysis over the whole case: contradictions now; timelines, money trails, paths and
designation chains build on the same read model."""
