"""Evidence files with delivery returns: what is taken (by what a file holds, not its name),
how big, who may download them, and that the retention purge removes them."""

import io
import zipfile
from pathlib import Path

from openpyxl import Workbook
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from monitoring.evidence_files import KINDS, MAX_FILE_BYTES, kind_of, shown_name
from store.evidence import files_for, path_of, remove_unlisted
from store.privacy import purge
from tests.helpers.contracts import award_offer, return_fields
from tests.helpers.offers import finish
from tests.helpers.pages import csrf_token, error_summary_links, parse
from tests.helpers.staff import Person

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def _office(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<document/>")
    return buffer.getvalue()


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def test_kinds_are_known_by_what_the_file_holds():
    assert kind_of(PDF) is KINDS["pdf"]
    assert kind_of(PNG) is KINDS["png"]
    assert kind_of(JPEG) is KINDS["jpg"]
    assert kind_of(_office("word/document.xml")) is KINDS["docx"]
    assert kind_of(_xlsx()) is KINDS["xlsx"]
    assert kind_of(_office("content.xml")) is None  # a zip, but not a Word or Excel file
    assert kind_of(b"PK\x03\x04 not really a zip") is None
    assert kind_of(b"MZ\x90\x00 a program") is None
    assert kind_of(b"<html><script>alert(1)</script>") is None


def test_names_lose_folders_and_end_in_what_the_file_is():
    assert shown_name("../../etc/payroll.pdf", KINDS["pdf"]) == "payroll.pdf"
    assert shown_name("C:\\Users\\me\\register.PDF", KINDS["pdf"]) == "register.pdf"
    assert shown_name('"><img src=x>.pdf', KINDS["pdf"]) == "img src=x.pdf"
    assert shown_name("photo.pdf", KINDS["jpg"]) == "photo.jpg"  # it is really a JPEG
    assert shown_name("", KINDS["png"]) == "evidence.png"
    assert len(shown_name("a" * 500 + ".pdf", KINDS["pdf"])) == 100


def _send(client, url, period, files, quantities=("2", None, None)):
    page = parse(client.get(url))
    data = {"csrf_token": csrf_token(page), **return_fields(period, list(quantities))}
    fields = MultiDict(data)
    for name, content in files:
        fields.add("evidence_files", FileStorage(io.BytesIO(content), name))
    # Encoded here: the test client spools a large body to a file it never closes.
    boundary, body = encode_multipart(fields)
    response = client.post(url, data=body, content_type=f"multipart/form-data; boundary={boundary}")
    response.close()
    return response


def test_a_supplier_attaches_evidence_that_only_the_contract_parties_can_download(app, client, db):
    moderator, done, contract_url, contract_id = award_offer(client, db, "tower-hamlets")
    supplier_url = f"/assistant/c/{done['token']}/contracts/{contract_id}"
    response = _send(
        client,
        f"{supplier_url}/return",
        1,
        [("Payroll April-June.pdf", PDF), ("register.jpeg", JPEG)],
    )
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    kept = files_for(db, contract_id)
    assert [(f.name, f.kind.extension, f.size, f.uploaded_by) for f in kept] == [
        ("Payroll April-June.pdf", "pdf", len(PDF), "supplier"),
        ("register.jpg", "jpg", len(JPEG), "supplier"),
    ]
    folder = Path(app.config["EVIDENCE_DIR"])
    stored = path_of(folder, kept[0].key)
    assert stored.read_bytes() == PDF
    assert "static" not in stored.parts  # outside the web root
    own = parse(client.get(supplier_url))
    link = own.find("a", string="Payroll April-June.pdf")
    assert "(PDF, 1 KB, sent by you)" in link.parent.text
    with client.get(link["href"]) as download:
        assert download.status_code == 200 and download.data == PDF
        assert download.headers["Content-Type"] == "application/pdf"
        assert download.headers["Content-Disposition"].startswith("attachment;")
        assert download.headers["X-Content-Type-Options"] == "nosniff"
    staff_page = parse(moderator.client.get(contract_url))
    staff_link = staff_page.find("a", string="Payroll April-June.pdf")
    assert "from the supplier" in staff_link.parent.text
    with moderator.client.get(staff_link["href"]) as download:
        assert download.data == PDF
    outsider = Person(app, db, "admin", council="sandwell")
    assert outsider.client.get(staff_link["href"]).status_code == 404
    stranger = app.test_client()
    other = finish(stranger)
    wrong = link["href"].replace(done["token"], other["token"])
    assert stranger.get(wrong).status_code == 404
    assert app.test_client().get(staff_link["href"]).status_code == 302  # sign in first


def test_a_file_too_big_or_of_the_wrong_kind_is_refused_and_nothing_typed_is_lost(client, db):
    _, done, _, contract_id = award_offer(client, db, "tower-hamlets")
    url = f"/assistant/c/{done['token']}/contracts/{contract_id}/return"
    for files, message in [
        ([("big.pdf", b"%PDF-" + b"0" * MAX_FILE_BYTES)], "“big.pdf” is bigger than 5 MB"),
        ([("notes.pdf", b"just some text")], "“notes.pdf” is not a PDF, Word (.docx), Excel"),
        ([("empty.pdf", b"")], "“empty.pdf” is empty"),
        ([(f"{n}.pdf", PDF) for n in range(4)], "Attach up to 3 files at a time"),
    ]:
        response = _send(client, url, 1, files, quantities=("7", None, None))
        page = parse(response, 400)
        assert any(text.startswith(message) for text, _ in error_summary_links(page)), message
        assert page.select_one("#quantity_1")["value"] == "7"
        assert "Choose your evidence files again" in page.text
    assert files_for(db, contract_id) == []
    assert db["delivery_returns"].count == 0


def test_a_request_beyond_the_upload_limit_gets_a_plain_413_and_other_forms_take_no_files(
    client, db
):
    _, done, _, contract_id = award_offer(client, db, "tower-hamlets")
    url = f"/assistant/c/{done['token']}/contracts/{contract_id}/return"
    huge = [("a.pdf", b"%PDF-" + b"0" * (17 * 1024 * 1024))]
    assert _send(client, url, 1, huge).status_code == 413
    page = parse(client.get("/staff/sign-in"))
    with client.post(
        "/staff/sign-in",
        data={"csrf_token": csrf_token(page), "email": (io.BytesIO(b"x"), "x.pdf")},
        content_type="multipart/form-data",
    ) as refused:
        assert refused.status_code == 400


def test_the_purge_removes_a_contracts_evidence_files(app, client, db):
    moderator, done, contract_url, contract_id = award_offer(client, db, "tower-hamlets")
    _send(
        client, f"/assistant/c/{done['token']}/contracts/{contract_id}/return", 1, [("p.pdf", PDF)]
    )
    stored = path_of(Path(app.config["EVIDENCE_DIR"]), files_for(db, contract_id)[0].key)
    submission = db.execute("SELECT submission_id FROM contracts WHERE id = ?", [contract_id])
    purge(db, submission_ids=[submission.fetchone()[0]], conversation_ids=[], question_ids=[])
    assert files_for(db, contract_id) == []
    assert remove_unlisted(db, Path(app.config["EVIDENCE_DIR"]), settled=0) == 1
    assert not stored.exists()
