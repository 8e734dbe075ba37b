"""Issue 9: the four sample events, document sharing, the sample namespace, key changes
that are really accepted, and removing an event."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sample_packs import as_event, old_hague_sample, real_hague, rewrite

from fieldvisit.cli import main
from fieldvisit.domain.errors import InvalidInputError, TrustError
from fieldvisit.domain.model import Sharing
from fieldvisit.domain.samples import DEMO_FINGERPRINT, SAMPLES, is_sample
from fieldvisit.packs.build import build_pack
from fieldvisit.packs.keys import OrganiserKeys
from fieldvisit.packs.manifest import LoadedPack
from fieldvisit.packs.reader import open_pack
from fieldvisit.packs.samples import build_sample, demo_keys, samples_dir
from fieldvisit.paths import resolve
from fieldvisit.services.events import own_data, remove_event
from fieldvisit.services.importing import import_pack, preview_import
from fieldvisit.services.samples import install_sample, list_samples
from fieldvisit.services.store import Store
from fieldvisit.storage.models import AnswerRow, EventRow, NoteRow, TrustPinRow


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(resolve(None))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, LoadedPack]:
    folder = tmp_path_factory.mktemp("samples")
    return {s.name: build_sample(s.name, folder / f"{s.name}.fvpack") for s in SAMPLES}


@pytest.fixture(scope="module")
def real_keys() -> OrganiserKeys:
    return OrganiserKeys(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())


# --- the four samples ------------------------------------------------------------------------


def test_every_sample_is_in_its_namespace_signed_by_the_demo_key(
    packs: dict[str, LoadedPack],
) -> None:
    assert set(packs) == {"hague", "ran", "icct", "liaise"}
    for name, pack in packs.items():
        event = pack.content.event
        assert event.id.startswith("sample-") and is_sample(event.id), name
        assert pack.signed and pack.fingerprint == DEMO_FINGERPRINT == demo_keys().fingerprint
        # What is invented is said in a field the app shows, and every session is marked.
        assert event.illustrative.startswith("Sample event, illustrative"), name
        assert all(s.illustrative for s in pack.content.sessions), name
        for person in pack.content.people:
            assert person.email == "" or person.email.endswith("@example.org"), person
        assert pack.manifest.format_version == 2


def test_icct_workshop(packs: dict[str, LoadedPack]) -> None:
    content = packs["icct"].content
    text = content.event.description
    for aim in (
        "To enhance participants' understanding of the challenges related to Foreign "
        "Terrorist Fighters",
        "To stimulate cooperation and dialogue on the variety of tools and actions",
        "To lay foundations for increased cooperation with regional and international partners",
        "To develop best practices and initiate the design and implementation of tailor-made "
        "solutions for each participating country",
    ):
        assert aim in " ".join(text.split()), aim
    titles = [d.title for d in content.documents]
    assert any("Hague-Marrakesh Memorandum" in t for t in titles)
    assert any("Resolution 2178 (2014)" in t for t in titles)
    assert "illustrative" in content.event.illustrative and "dates" in content.event.illustrative
    plan = next(q for q in content.questionnaires if q.id == "country-action-plan")
    ids = [q.id for q in plan.questions]
    assert ids == ["country", "challenge", "tools", "actions", "partners", "timeline"]
    assert plan.questions[0].required


def test_liaise_seminar(packs: dict[str, LoadedPack]) -> None:
    pack = packs["liaise"]
    content = pack.content
    event = content.event
    assert (event.start_date.isoformat(), event.end_date.isoformat()) == ("2017-03-29",) * 2
    assert event.organisers == (
        "European Forum for Urban Security (Efus)",
        "Confederation of European Probation (CEP)",
        "City of The Hague",
    )
    assert "thirteen European countries" in " ".join(event.description.split())
    shared = [d for d in content.documents if d.sharing is Sharing.SHARED]
    assert sorted(d.title for d in shared) == [
        "ICCT Presentation LIAISE2 seminar",
        "Presentation Tim Chapman LIAISE 2 seminar",
    ]
    hidden = [d for d in content.documents if d.sharing is Sharing.NOT_SHARED]
    assert len(hidden) == 2 and all(d.session_ids and not d.filename for d in hidden)
    carried = {n for n in pack.manifest.files if n.startswith("documents/")}
    assert carried == {f"documents/{d.filename}" for d in shared}
    panel = next(s for s in content.sessions if s.kind.value == "panel")
    for question in (
        "What could be the added value for prevention of working with former extremists?",
        "Should we collaborate with people who have abandoned violence but still have "
        "extremist views?",
        "How should prevention actors cooperate with judicial actors and intelligence "
        "services before they engage with a former extremist?",
    ):
        assert question in " ".join(panel.description.split())
    chapman = next(p for p in content.people if p.name == "Tim Chapman")
    assert (chapman.phone, chapman.email) == ("", "")
    titles = " ".join(s.title for s in content.sessions)
    for item in ("probation", "ALTERNATIVE", "Northern Ireland", "ICCT", "former extremists"):
        assert item in titles


# --- sharing in the format -------------------------------------------------------------------


def test_pack_inspect_json_gives_each_documents_sharing(
    packs: dict[str, LoadedPack], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pack", "inspect", "--json", str(packs["liaise"].path)]) == 0
    documents = json.loads(capsys.readouterr().out)["documents"]
    assert {d["id"]: d["sharing"] for d in documents} == {
        "chapman-slides": "shared",
        "icct-slides": "shared",
        "dutch-probation-slides": "confidential_not_shared",
        "european-approaches-slides": "confidential_not_shared",
    }
    assert main(["pack", "inspect", "--json", str(packs["hague"].path)]) == 0
    documents = json.loads(capsys.readouterr().out)["documents"]
    assert {d["id"]: d["sharing"] for d in documents}["field-visit-briefing"] == "attendees_only"


def test_a_pack_of_format_1_still_opens(packs: dict[str, LoadedPack], tmp_path: Path) -> None:
    def as_format_1(event: dict[str, Any], manifest: dict[str, Any]) -> None:
        manifest["format_version"] = 1
        event["event"].pop("illustrative")
        for s in event["sessions"]:
            s.pop("illustrative")
        for d in event["documents"]:
            d.pop("sharing")
            d.pop("illustrative")

    old = rewrite(packs["hague"].path, tmp_path / "old.fvpack", demo_keys(), as_format_1)
    pack = open_pack(old)
    assert pack.manifest.format_version == 1
    assert {d.sharing for d in pack.content.documents} == {Sharing.SHARED}
    assert pack.content.event.illustrative == ""


def test_a_not_shared_document_carries_no_file(
    packs: dict[str, LoadedPack], tmp_path: Path
) -> None:
    def smuggle(event: dict[str, Any], manifest: dict[str, Any]) -> None:
        event["documents"][2]["filename"] = "smuggled-slides.md"

    bad = rewrite(packs["liaise"].path, tmp_path / "bad.fvpack", demo_keys(), smuggle)
    with pytest.raises(InvalidInputError, match="confidential, not shared carries no file"):
        open_pack(bad)

    source = tmp_path / "src"
    import shutil

    shutil.copytree(samples_dir() / "liaise2-2017", source)
    toml = (source / "documents.toml").read_text()
    toml = toml.replace(
        'sharing = "confidential_not_shared"',
        'sharing = "confidential_not_shared"\nfile = "icct-presentation-liaise2.md"',
        1,
    )
    (source / "documents.toml").write_text(toml)
    with pytest.raises(InvalidInputError, match="carries no file"):
        build_pack(source, tmp_path / "x.fvpack", keys=None)


# --- samples never block the real event --------------------------------------------------------


def test_the_real_pack_installs_beside_the_sample(
    store: Store, tmp_path: Path, real_keys: OrganiserKeys
) -> None:
    install_sample(store, "hague")
    real = real_hague(tmp_path, real_keys)
    preview = preview_import(store, real)
    assert not preview.key_changed and preview.first_install and not preview.demo_key
    result = import_pack(store, real)
    assert result.first_pin and result.event_id == "hague-rftf-2017"
    with store.unit() as s:
        assert sorted(s.scalars(EventRow.__table__.select().with_only_columns(EventRow.id))) == [
            "hague-rftf-2017",
            "sample-hague-rftf-2017",
        ]


def test_accepting_a_new_key_really_accepts_it(
    store: Store, tmp_path: Path, real_keys: OrganiserKeys, capsys: pytest.CaptureFixture[str]
) -> None:
    """An old store pinned the demo key (version 1 of the sample) to the real id: the real
    version 1 is refused without consent and installed with it, in the service and CLI."""

    old = old_hague_sample(tmp_path)
    import_pack(store, old)
    real = real_hague(tmp_path, real_keys, version=1)
    preview = preview_import(store, real)
    # The case: the real version 1 over the sample's version 1, another key.
    assert preview.key_changed and preview.same_version and preview.content_differs
    assert not preview.blocked and not preview.unchanged and preview.replaces_by_new_key
    with pytest.raises(TrustError, match="pinned to key"):
        import_pack(store, real)
    store.close()
    assert main(["import", str(real)]) == 2
    assert "--accept-new-key" in capsys.readouterr().err
    assert main(["import", "--accept-new-key", str(real)]) == 0
    out = capsys.readouterr().out
    assert "hague-rftf-2017" in out
    with Store.open(resolve(None)).unit() as s:
        pin = s.get(TrustPinRow, "hague-rftf-2017")
        event = s.get(EventRow, "hague-rftf-2017")
        assert pin is not None and event is not None
        assert pin.fingerprint == real_keys.fingerprint and pin.history == [DEMO_FINGERPRINT]
        assert (event.pack_version, event.key_fingerprint) == (1, real_keys.fingerprint)


def test_a_real_event_signed_by_the_demo_key_is_flagged(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = build_sample("liaise", tmp_path / "sample.fvpack")
    fake = rewrite(
        sample.path, tmp_path / "fake.fvpack", demo_keys(), as_event("some-real-conference")
    )
    assert preview_import(store, fake).demo_key
    genuine = preview_import(store, sample.path)
    assert genuine.demo_key and genuine.sample  # a sample: the demo key is expected
    store.close()
    assert main(["import", str(fake)]) == 0
    assert "PUBLIC demo key" in capsys.readouterr().err


def test_sample_cli(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sample", "list"]) == 0
    out = capsys.readouterr().out
    for name in ("hague", "ran", "icct", "liaise"):
        assert f"  {name} " in out
    assert main(["sample", "install", "liaise"]) == 0
    assert "installed sample-liaise2-seminar-2017" in capsys.readouterr().out
    assert main(["sample", "install", "atlantis"]) == 2
    assert "no sample called 'atlantis'" in capsys.readouterr().err
    store = Store.open(resolve(None))
    try:
        states = {s.info.name: s.installed_version for s in list_samples(store)}
    finally:
        store.close()
    assert states == {"hague": None, "ran": None, "icct": None, "liaise": 1}


# --- removing an event -------------------------------------------------------------------------


def test_events_remove_asks_first_and_removes_everything(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(resolve(None))
    install_sample(store, "icct")
    event_id = "sample-icct-foreign-fighters-workshop"
    with store.unit() as s:
        s.add(NoteRow(id="n1", event_id=event_id, body="my own note on the action plan"))
    assert own_data(store, event_id).notes == 1
    store.close()
    # Without a terminal and without --yes nothing is removed, and the offer is made.
    assert main(["events", "remove", event_id]) == 2
    err = capsys.readouterr().err
    assert "1 note(s)" in err and "fieldvisit return" in err and "--export-notes" in err
    exported = tmp_path / "notes.md"
    assert main(["events", "remove", event_id, "--yes", "--export-notes", str(exported)]) == 0
    assert "my own note on the action plan" in exported.read_text()
    store = Store.open(resolve(None))
    try:
        with store.unit() as s:
            assert s.get(EventRow, event_id) is None
            assert s.query(NoteRow).filter_by(event_id=event_id).count() == 0
        with pytest.raises(InvalidInputError):
            remove_event(store, event_id)
    finally:
        store.close()


def test_remove_event_keeps_other_events(store: Store) -> None:
    install_sample(store, "hague")
    install_sample(store, "ran")
    with store.unit() as s:
        for event_id in ("sample-hague-rftf-2017", "sample-ran-central-asia-2021"):
            s.add(
                AnswerRow(
                    id=f"a-{event_id}",
                    event_id=event_id,
                    questionnaire_uid="after",
                    version=1,
                    question_uid="overall",
                    value={"value": 4},
                )
            )
    removed = remove_event(store, "sample-ran-central-asia-2021")
    assert removed.answers == 1
    assert own_data(store, "sample-hague-rftf-2017").answers == 1


# --- the upgrade moves a sample that took the real id ------------------------------------------


def test_upgrade_moves_the_sample_off_the_real_id_keeping_the_delegates_data(
    data_dir: Path, tmp_path: Path, real_keys: OrganiserKeys
) -> None:
    from alembic import command

    from fieldvisit.storage.engine import alembic_config, current_revision, make_engine
    from fieldvisit.storage.models import AgendaPickRow, SeenRow

    old_sample = old_hague_sample(tmp_path)
    ran = build_sample("ran", tmp_path / "ran.fvpack")
    real = rewrite(
        ran.path,
        tmp_path / "real-ran.fvpack",
        real_keys,
        as_event("ran-central-asia-2021", real_keys),
    )
    paths = resolve(None)
    store = Store.open(paths)
    import_pack(store, old_sample)
    import_pack(store, real)  # the real organisers' event: it must stay where it is
    for event_id in ("hague-rftf-2017", "ran-central-asia-2021"):
        with store.unit() as s:
            s.add(
                NoteRow(
                    id=f"n-{event_id}",
                    event_id=event_id,
                    target_kind="session",
                    target_uid="d1-welcome",
                    body=f"note on {event_id}",
                )
            )
            s.add(
                AnswerRow(
                    id=f"a-{event_id}",
                    event_id=event_id,
                    questionnaire_uid="after",
                    version=1,
                    question_uid="overall",
                    value={"value": 5},
                )
            )
            s.add(AgendaPickRow(event_id=event_id, session_uid="d1-opening"))
            s.add(SeenRow(event_id=event_id, target_kind="document", target_uid="practical-notes"))
    store.close()
    # Back to the schema of the release that made this store.
    engine = make_engine(paths.database)
    command.downgrade(alembic_config(engine), "0002")
    assert current_revision(engine) == "0002"
    engine.dispose()

    store = Store.open(paths)  # upgrades to head, after a backup
    try:
        with store.unit() as s:
            events = {e.id: e.key_fingerprint for e in s.query(EventRow)}
            assert events == {
                "sample-hague-rftf-2017": DEMO_FINGERPRINT,
                "ran-central-asia-2021": real_keys.fingerprint,
            }
            moved = "sample-hague-rftf-2017"
            assert s.get(NoteRow, "n-hague-rftf-2017").event_id == moved  # type: ignore[union-attr]
            assert s.query(AnswerRow).filter_by(event_id=moved).count() == 1
            assert s.query(AgendaPickRow).filter_by(event_id=moved).count() == 1
            assert s.query(SeenRow).filter_by(event_id=moved).count() == 1
            pin = s.get(TrustPinRow, moved)
            assert pin is not None and pin.fingerprint == DEMO_FINGERPRINT
            assert s.get(TrustPinRow, "hague-rftf-2017") is None
            assert s.query(NoteRow).filter_by(event_id="ran-central-asia-2021").count() == 1
        # The content moved with it, and the new sample (version 2) updates it in place.
        result = install_sample(store, "hague")
        assert result.event_id == moved and result.old_version == 1
        assert own_data(store, moved).notes == 1
        # And the real organisers' pack for the Hague conference now installs, unpinned.
        assert import_pack(store, real_hague(tmp_path, real_keys)).first_pin
    finally:
        store.close()


# --- attendees only: never in an export or a return ---------------------------------------------


def test_attendees_only_documents_are_excluded_from_every_export_and_return(
    store: Store, tmp_path: Path
) -> None:
    from fieldvisit.returns.format import open_unverified
    from fieldvisit.services.exports import EXPORTS, SUFFIXES, export
    from fieldvisit.services.returns import write_return
    from fieldvisit.storage.models import AgendaPickRow

    install_sample(store, "hague")
    event_id = "sample-hague-rftf-2017"
    briefing = (samples_dir() / "hague-2017" / "documents" / "field-visit-briefing.md").read_text()
    marker = "one of the most densely populated neighbourhoods"
    assert marker in briefing
    with store.unit() as s:
        s.add(
            NoteRow(
                id="n1",
                event_id=event_id,
                target_kind="session",
                target_uid="d2-field-visit",
                body="The walk was useful.",
            )
        )
        s.add(AgendaPickRow(event_id=event_id, session_uid="d2-field-visit"))
        s.add(
            AnswerRow(
                id="a1",
                event_id=event_id,
                questionnaire_uid="after",
                version=1,
                question_uid="overall",
                value={"value": 5},
            )
        )
    written: list[bytes] = []
    for what in EXPORTS:
        target = tmp_path / f"export-{what}{SUFFIXES[what][0]}"
        result = export(store, what, event_id, target, include_private=True)
        written += [p.read_bytes() for p in result.paths]
    sent = write_return(store, event_id, tmp_path / "returns", confirmed=[], delegate_name="")
    written.append(open_unverified(sent.path.read_bytes(), demo_keys().returns))
    assert len(written) == len(EXPORTS) + 1
    assert any(b"The walk was useful." in data for data in written)  # the exports did run
    for data in written:
        text = data.decode("utf-8", errors="replace")
        assert marker not in text
        assert "Field visit briefing" not in text
        assert "field-visit-briefing" not in text
