"""Build ``meduza-case/court-filing-summary.pdf`` (a PDF with a real text layer) with reportlab.

Run from the repository root: ``.venv/bin/python examples/make_pdf.py``. The output is committed so the
example case works without reportlab; rerun this script after editing the text below.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

OUT = Path(__file__).parent / "meduza-case" / "court-filing-summary.pdf"
TITLE = "Claim summary: Meduza v. Justice Ministry"
# reportlab stamps this as the PDF creation date; fixed so the committed file is reproducible.
FILED = dt.datetime(2021, 5, 28, 12, 0, tzinfo=dt.UTC)

PARAGRAPHS = [
    ("Heading2", "Prepared 28 May 2021 by the case desk"),
    ("BodyText",
     "Claimant: Medusa Project SIA, the Latvian company that publishes Meduza. Respondent: the Ministry of "
     "Justice of the Russian Federation. Counsel for the claimant: Anastasia Burakova and Sergey Badamshin."),
    ("Heading2", "What the claimant asks"),
    ("BodyText",
     "The claimant asks the court to cancel the order of 23 April 2021, signed by Deputy Justice Minister "
     "Oleg Sviridenko, which placed the company on the register of foreign media acting as foreign agents."),
    ("Heading2", "How the order came about, according to the file"),
    ("BodyText",
     "On 20 April 2021 Alexander Ionov, founder of the Anti-Globalization Movement of Russia, complained "
     "about the outlet to Roskomnadzor. On 21 April Vadim Subbotin, deputy head of Roskomnadzor, sent the "
     "complaint on to the Justice Ministry. On 21 and 22 April Rosfinmonitoring reported foreign funding, "
     "and on 22 April First Deputy Foreign Minister Vladimir Titov confirmed it."),
    ("BodyText",
     "The claimant's lawyers say the only foreign income cited was a 70,000-euro advertising tender won "
     "from the Latvian Investment and Development Agency in August 2019. Badamshin told the case desk: "
     "\u201cA tender for tourism adverts cannot make a newsroom an agent of anyone.\u201d"),
    ("Heading2", "Next steps"),
    ("BodyText",
     "A preliminary hearing is expected in June 2021. Burakova said the team would ask for the full "
     "correspondence between the four agencies to be added to the case file."),
]


def build(out: Path = OUT) -> Path:
    os.environ["SOURCE_DATE_EPOCH"] = str(int(FILED.timestamp()))
    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(
        str(out), pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm,
        title=TITLE, author="Case desk (teaching example)", lang="en",
        creator="examples/make_pdf.py", invariant=1,
    )
    story = [Paragraph(TITLE, styles["Title"]), Spacer(1, 0.4 * cm)]
    for style, text in PARAGRAPHS:
        story.append(Paragraph(text, styles[style]))
        story.append(Spacer(1, 0.2 * cm))
    doc.build(story)
    return out


if __name__ == "__main__":
    print(build())
