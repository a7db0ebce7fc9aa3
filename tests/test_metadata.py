"""The sidecar: a typed record, and one clear error (file and line) for every bad sidecar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tei_plenum.errors import ConfigError
from tei_plenum.metadata import SIDECAR_KEYS, Sidecar, load_sidecar


def sidecar(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "doc.meta.toml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        load_sidecar(path)
    return str(caught.value)


def test_values_become_fields_and_the_file_is_remembered(tmp_path: Path) -> None:
    path = sidecar(tmp_path, '# catalogue data\ntitle = "A Letter"\nidno = "F 1, op. 2"\n')
    loaded = load_sidecar(path)
    assert loaded == Sidecar(title="A Letter", idno="F 1, op. 2", file="doc.meta.toml")
    assert loaded.keys == ("idno", "title")


def test_an_unknown_key_names_the_file_and_its_line(tmp_path: Path) -> None:
    path = sidecar(tmp_path, 'title = "A Letter"\n\n  titel = "typo"\n')
    message = error_of(path)
    assert message.startswith(f"{path}:3: unknown sidecar key 'titel' (known: archive, ")
    assert "file" not in message.split("known: ")[1]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('title = ""\n', 1),
        ('url = "x"\ntitle = "   "\n', 2),
        ("title = 3\n", 1),
        ('"title" = ["a", "b"]\n', 1),
        ('summary = "s"\n[title]\nmain = "x"\n', 2),
    ],
)
def test_a_value_that_is_not_a_non_empty_string_is_refused(
    tmp_path: Path, text: str, line: int
) -> None:
    path = sidecar(tmp_path, text)
    assert error_of(path) == f"{path}:{line}: sidecar key 'title' must be a non-empty string"


def test_the_file_name_is_not_a_key_of_the_file(tmp_path: Path) -> None:
    assert "file" not in SIDECAR_KEYS
    assert "unknown sidecar key 'file'" in error_of(sidecar(tmp_path, 'file = "x.toml"\n'))


def test_bad_toml_and_bad_encoding_are_one_line_errors(tmp_path: Path) -> None:
    broken = error_of(sidecar(tmp_path, "title = \n"))
    assert broken.startswith(f"{tmp_path / 'doc.meta.toml'}: sidecar is not valid TOML")
    assert "\n" not in broken
    assert error_of(sidecar(tmp_path, b'title = "\xff"\n')).endswith("sidecar is not UTF-8 text")


def test_a_given_sidecar_overrides_the_one_beside_the_input() -> None:
    beside = Sidecar(title="Beside", summary="Kept", file="doc.meta.toml")
    given = Sidecar(title="Given", file="other.meta.toml")
    merged = beside.overridden_by(given)
    assert merged == Sidecar(title="Given", summary="Kept", file="other.meta.toml")
    # A sidecar built in code has no file: the loaded file's name stays.
    assert beside.overridden_by(Sidecar(url="u")).file == "doc.meta.toml"


def test_page_images_are_typed_and_checked(tmp_path: Path) -> None:
    path = sidecar(
        tmp_path,
        'page_images = ["https://img.example.org/1.jpg", "http://img.example.org/2.jpg"]\n'
        'page_image_template = "https://img.example.org/{page}.jpg"\n'
        'pdf_url = "https://files.example.org/doc.pdf"\npdf_page_offset = 2\n',
    )
    loaded = load_sidecar(path)
    assert loaded.page_images == ("https://img.example.org/1.jpg", "http://img.example.org/2.jpg")
    assert loaded.pdf_page_offset == 2
    assert loaded.keys == ("page_image_template", "page_images", "pdf_page_offset", "pdf_url")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('page_images = ["file:///etc/passwd"]\n', "'page_images': 'file:///etc/passwd' is not"),
        ('page_images = "https://a.example.org/1.jpg"\n', "must be a non-empty list of URLs"),
        ("page_images = []\n", "must be a non-empty list of URLs"),
        ('pdf_url = "javascript:alert(1)"\n', "'pdf_url': 'javascript:alert(1)' is not an"),
        ('page_image_template = "https://a.example.org/1.jpg"\n', "must contain {page}"),
        ('pdf_page_offset = "2"\n', "'pdf_page_offset' must be an integer"),
        ("pdf_page_offset = true\n", "'pdf_page_offset' must be an integer"),
    ],
)
def test_a_page_image_that_is_not_a_web_url_is_refused(
    tmp_path: Path, text: str, message: str
) -> None:
    path = sidecar(tmp_path, text)
    error = error_of(path)
    assert error.startswith(f"{path}:1: sidecar key ")
    assert message in error


_MANIFEST_V3 = {
    "type": "Manifest",
    "items": [
        {
            "type": "Canvas",
            "items": [{"items": [{"body": {"id": f"https://iiif.example.org/{n}.jpg"}}]}],
        }
        for n in (1, 2)
    ],
}
_MANIFEST_V2 = {
    "@type": "sc:Manifest",
    "sequences": [
        {
            "canvases": [
                {"images": [{"resource": {"@id": f"https://iiif.example.org/p{n}.jpg"}}]}
                for n in (1, 2, 3)
            ]
        }
    ],
}


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        (_MANIFEST_V3, ("https://iiif.example.org/1.jpg", "https://iiif.example.org/2.jpg")),
        (_MANIFEST_V2, tuple(f"https://iiif.example.org/p{n}.jpg" for n in (1, 2, 3))),
    ],
)
def test_a_iiif_manifest_beside_the_sidecar_gives_the_page_images(
    tmp_path: Path, manifest: dict[str, object], expected: tuple[str, ...]
) -> None:
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    loaded = load_sidecar(sidecar(tmp_path, 'iiif_manifest = "manifest.json"\n'))
    assert loaded.page_images == expected
    # Images given in the sidecar itself win over the manifest's.
    own = 'iiif_manifest = "manifest.json"\npage_images = ["https://own.example.org/a.jpg"]\n'
    assert load_sidecar(sidecar(tmp_path, own)).page_images == ("https://own.example.org/a.jpg",)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "IIIF manifest 'manifest.json': "),
        ('{"items": []}', "the manifest lists no canvases"),
        ('{"items": [{"items": []}]}', "canvas 1 of the manifest has no http(s) image"),
        (
            json.dumps(
                {"items": [{"items": [{"items": [{"body": {"id": "file:///etc/passwd"}}]}]}]}
            ),
            "canvas 1 of the manifest has no http(s) image",
        ),
    ],
)
def test_a_broken_iiif_manifest_is_one_error_naming_the_sidecar_line(
    tmp_path: Path, content: str, message: str
) -> None:
    (tmp_path / "manifest.json").write_text(content, encoding="utf-8")
    path = sidecar(tmp_path, 'title = "A"\niiif_manifest = "manifest.json"\n')
    error = error_of(path)
    assert error.startswith(f"{path}:2: IIIF manifest 'manifest.json': ")
    assert message in error


def test_a_iiif_manifest_outside_the_sidecar_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "private.json"
    outside.write_text(json.dumps(_MANIFEST_V3), encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "manifest.json").symlink_to(outside)
    error = error_of(sidecar(folder, 'iiif_manifest = "manifest.json"\n'))
    assert "is not a file in the sidecar's folder" in error
    beside = error_of(sidecar(folder, 'iiif_manifest = "../private.json"\n'))
    assert "is not a file in the sidecar's folder" in beside
