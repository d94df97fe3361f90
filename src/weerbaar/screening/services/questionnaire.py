"""The questionnaire of an application: its questions (from the version it was registered
against), which are required for this kind, the answers, and what is still missing."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile

from weerbaar.screening.models import Answer, AnswerType, Application, Question

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def document_kind(content: bytes) -> str | None:
    """The file type from its content, not from the name or the browser's claim."""
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if content.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(io.BytesIO(content)).namelist()
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
    return None


class AnswerError(ValueError):
    pass


@dataclass
class Item:
    question: Question
    required: bool
    answer: Answer | None

    @property
    def missing(self) -> bool:
        return self.required and (self.answer is None or not self.answer.is_given)


def items(application: Application) -> list[Item]:
    answers = {a.question_id: a for a in application.answers.defer("document")}
    required = set(
        Question.objects.filter(
            questionnaire=application.questionnaire, required_for=application.kind
        ).values_list("pk", flat=True)
    )
    return [
        Item(question, question.pk in required, answers.get(question.pk))
        for question in application.questionnaire.questions.all()
    ]


def missing(application: Application) -> list[Question]:
    return [item.question for item in items(application) if item.missing]


def answer(
    application: Application,
    question: Question,
    *,
    text: str = "",
    document: UploadedFile | None = None,
    actor: Any,
) -> Answer:
    if question.questionnaire_id != application.questionnaire_id:
        raise AnswerError("Deze vraag hoort niet bij de vragenlijst van deze aanvraag.")
    row = Answer.objects.filter(application=application, question=question).first() or Answer(
        application=application, question=question
    )
    if question.answer_type == AnswerType.DOCUMENT:
        if document is None:
            raise AnswerError("Kies een bestand.")
        if document.size is None or document.size > MAX_DOCUMENT_BYTES:
            raise AnswerError("Het bestand is groter dan 10 MB.")
        document.seek(0)
        content = document.read()
        kind = document_kind(content)
        if kind is None:
            raise AnswerError("Alleen PDF, JPG, PNG, Word (docx) of Excel (xlsx).")
        row.document = content
        row.document_type = DOCUMENT_TYPES[kind]
        row.document_name = f"{application.reference}-{question.code}.{kind}"
    row.text = text.strip()
    row.answered_by = actor
    row.save()
    return row
