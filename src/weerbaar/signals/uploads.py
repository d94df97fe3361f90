"""Uploads are held in memory only, never in a temporary file on disk: a reporter's photo
with its GPS position must not land anywhere before it is cleaned. Files above the limit
are not read further; the form then says the file is too large."""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler


def max_file_bytes() -> int:
    return int(getattr(settings, "WEERBAAR_UPLOAD_MAX_FILE_BYTES", 10 * 1024 * 1024))


def max_files() -> int:
    return int(getattr(settings, "WEERBAAR_UPLOAD_MAX_FILES", 5))


class TooLargeUpload(InMemoryUploadedFile):
    """Stands in for a file that went over the size limit (its content is dropped)."""

    too_large = True


class BoundedMemoryUploadHandler(FileUploadHandler):
    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        self.files_seen = 0

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.files_seen += 1
        self.buffer = io.BytesIO()
        self.received = 0
        self.over_limit = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        self.received += len(raw_data)
        if self.received > max_file_bytes():
            self.over_limit = True
            self.buffer = io.BytesIO()
        elif not self.over_limit:
            self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size: int) -> InMemoryUploadedFile:
        cls = TooLargeUpload if self.over_limit else InMemoryUploadedFile
        self.buffer.seek(0)
        return cls(
            file=self.buffer,
            field_name=self.field_name,
            name="upload",  # the reporter's own file name is never kept
            content_type="application/octet-stream",
            size=file_size,
            charset=None,
            content_type_extra=None,
        )
