"""Evidence files attached to a delivery return: which kinds are taken (known by what the file
holds, not what it is called), how big, and the name it is shown and downloaded under."""

import io
import re
import zipfile
from dataclasses import dataclass

MAX_FILE_BYTES = 5 * 1024 * 1024  # each file
MAX_AT_ONCE = 3  # files with one return
MAX_CONTRACT_FILES = 200  # kept for one contract
MAX_CONTRACT_BYTES = 200 * 1024 * 1024
MAX_NAME = 100  # characters of a file's name kept


@dataclass(frozen=True)
class FileKind:
    """A kind of file taken as evidence."""

    extension: str
    media_type: str
    label: str


KINDS = {
    "pdf": FileKind("pdf", "application/pdf", "PDF"),
    "png": FileKind("png", "image/png", "PNG image"),
    "jpg": FileKind("jpg", "image/jpeg", "JPEG image"),
    "docx": FileKind(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word document",
    ),
    "xlsx": FileKind(
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Excel spreadsheet",
    ),
}
ACCEPTED = "PDF, Word (.docx), Excel (.xlsx), JPEG or PNG"
# Office files are zip archives; this part says which kind.
_OFFICE_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx"}


def kind_of(data: bytes) -> FileKind | None:
    """The kind of file these bytes are, or None if not one that is taken."""
    if data.startswith(b"%PDF-"):
        return KINDS["pdf"]
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return KINDS["png"]
    if data.startswith(b"\xff\xd8\xff"):
        return KINDS["jpg"]
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return None
        return next((KINDS[k] for part, k in _OFFICE_PARTS.items() if part in names), None)
    return None


def cleaned_name(uploaded: str) -> str:
    """The uploaded name without folders or characters a name should not have, kept short."""
    name = re.split(r"[\\/]", uploaded or "")[-1]
    return re.sub(r"[\x00-\x1f\x7f\"<>|:*?]+", "", name).strip(" .")[:MAX_NAME] or "evidence"


def shown_name(uploaded: str, kind: FileKind) -> str:
    """The name people see and download: the cleaned name, ending in the extension of what
    the file really is."""
    name = cleaned_name(uploaded)
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return f"{stem[: MAX_NAME - len(kind.extension) - 1]}.{kind.extension}"


def size_words(size: int) -> str:
    """A file's size as people read it: "340 KB", "7.2 MB"."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"
