"""A stand-in for the message boxes: records what the app said, answers as the test decides."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtWidgets import QWidget

from workdiary.ui.messages import Messages


@dataclass
class Said:
    kind: str
    title: str
    text: str


@dataclass
class ScriptedMessages(Messages):
    """`answers` are given, in order, to each question: True or False to a `confirm`, the words
    of a button to a `choose`. It fails the test if one is missing, or does not fit."""

    answers: list[bool | str] = field(default_factory=list)
    said: list[Said] = field(default_factory=list)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.said.append(Said("error", title, text))

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self.said.append(Said("warning", title, text))

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self.said.append(Said("information", title, text))

    def confirm(
        self, parent: QWidget | None, title: str, text: str, yes: str, no: str = "Cancel"
    ) -> bool:
        answer = self._answer(title, text)
        assert isinstance(answer, bool), f"a yes or no was asked, not {answer!r}: {text}"
        return answer

    def choose(self, parent: QWidget | None, title: str, text: str, choices: list[str]) -> str:
        answer = self._answer(title, text)
        assert answer in choices, f"{answer!r} is not one of {choices}: {text}"
        assert isinstance(answer, str)
        return answer

    def _answer(self, title: str, text: str) -> bool | str:
        self.said.append(Said("confirm", title, text))
        assert self.answers, f"the app asked a question no answer was scripted for: {text}"
        return self.answers.pop(0)

    def texts(self, kind: str | None = None) -> str:
        return "\n".join(said.text for said in self.said if kind is None or said.kind == kind)
