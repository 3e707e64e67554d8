"""The diary file: opening it safely, its schema, audited repositories, and the hash chain."""

from workdiary.storage.diary import Diary
from workdiary.storage.records import SaveResult
from workdiary.storage.verify import Finding, VerifyReport

__all__ = ["Diary", "Finding", "SaveResult", "VerifyReport"]
