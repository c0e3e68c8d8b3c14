"""The question model shared by the bank, practice exams, quizzes and flashcards.

A question is data: stem, four options, the right one, an explanation that says why it is right
and why each distractor is wrong, the CPC content area, difficulty and the code-set year it was
written against. Curated questions live in ``study/bank/*.yaml``; generated ones are built from
the official code sets by ``study/generate.py``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

# The 17 knowledge areas of the CPC exam, keyed for data files and URLs.
CONTENT_AREAS: dict[str, str] = {
    "surgery_10000": "CPT Surgery 10000 series: integumentary system",
    "surgery_20000": "CPT Surgery 20000 series: musculoskeletal system",
    "surgery_30000": "CPT Surgery 30000 series: respiratory, cardiovascular, hemic and lymphatic",
    "surgery_40000": "CPT Surgery 40000 series: digestive system",
    "surgery_50000": "CPT Surgery 50000 series: urinary, reproductive, maternity, endocrine",
    "surgery_60000": "CPT Surgery 60000 series: nervous system, eye and ear",
    "evaluation_management": "Evaluation and Management",
    "anesthesia": "Anesthesia",
    "radiology": "Radiology",
    "pathology_laboratory": "Pathology and Laboratory",
    "medicine": "Medicine",
    "medical_terminology": "Medical terminology",
    "anatomy": "Anatomy",
    "icd10cm": "ICD-10-CM",
    "hcpcs": "HCPCS Level II",
    "coding_guidelines": "Coding guidelines",
    "compliance": "Compliance and regulatory",
}

ContentArea = Literal[
    "surgery_10000",
    "surgery_20000",
    "surgery_30000",
    "surgery_40000",
    "surgery_50000",
    "surgery_60000",
    "evaluation_management",
    "anesthesia",
    "radiology",
    "pathology_laboratory",
    "medicine",
    "medical_terminology",
    "anatomy",
    "icd10cm",
    "hcpcs",
    "coding_guidelines",
    "compliance",
]

Difficulty = Literal["easy", "medium", "hard"]


class Question(BaseModel):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.:-]*$", description="Stable id, unique in the bank")
    area: ContentArea
    stem: str = Field(min_length=10)
    options: list[str] = Field(min_length=4, max_length=4)
    answer: str = Field(description="The right option, verbatim one of `options`")
    explanation: str = Field(min_length=40)
    difficulty: Difficulty = "medium"
    code_set_year: str = Field(description='e.g. "ICD-10-CM FY2026", "HCPCS 2026", "general"')
    links: list[str] = Field(
        default_factory=list,
        description='Code and concept pages the explanation cites: "icd10:E11.9", '
        '"hcpcs:J1100", "concept:excludes1"',
    )
    origin: Literal["curated", "generated"] = "curated"

    @model_validator(mode="after")
    def _answer_is_one_distinct_option(self) -> Question:
        if len({option.strip().lower() for option in self.options}) != 4:
            raise ValueError("options must be four distinct choices")
        if self.options.count(self.answer) != 1:
            raise ValueError("answer must be exactly one of the options")
        return self
