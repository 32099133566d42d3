"""Properties of extraction over random chats: never the persona with herself, edits survive."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natasha_studio.core.dataset.messages import store_messages
from natasha_studio.core.dataset.pipeline import run_extraction
from natasha_studio.core.dataset.records import ChatRecord, MessageRecord
from natasha_studio.core.dataset.settings import set_persona_ids
from natasha_studio.core.pairs import Turn, get_pair, set_status, set_turns
from natasha_studio.core.store import Project

PERSONA = {1, 2}

message_specs = st.lists(
    st.tuples(
        st.sampled_from([1, 2, 3, 4, 5]),             # sender (1 and 2 are the persona)
        st.integers(min_value=0, max_value=900),      # seconds since the previous message
        st.one_of(st.none(), st.integers(min_value=1, max_value=60)),  # reply to (may dangle)
        st.sampled_from(["", "да", "Как быть с медитацией?", "Дыши глубже, это помогает."]),
    ),
    min_size=1, max_size=40,
)


def _chat(project: Project, specs) -> None:
    chat = ChatRecord(id=-1000000000042, name="Чат", type="private_supergroup")
    t = 1_700_000_000
    records = []
    for i, (sender, gap, reply, text) in enumerate(specs, start=1):
        t += gap
        records.append(MessageRecord(chat.id, i, t, sender, f"u{sender}", text=text,
                                     reply_to_id=reply if reply and reply != i else None))
    store_messages(project, chat, records)
    set_persona_ids(project, sorted(PERSONA))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=message_specs, edit_seed=st.integers(min_value=0, max_value=10**6))
def test_never_pairs_persona_with_herself_and_keeps_edits(tmp_path_factory, specs, edit_seed):
    project = Project.create(tmp_path_factory.mktemp("p") / "p.nstudio", "Наташа")
    try:
        _chat(project, specs)
        run_extraction(project)
        ids = [r[0] for r in project.conn.execute("SELECT id FROM pairs ORDER BY id")]
        for pair_id in ids:
            pair = get_pair(project, pair_id)
            assert pair.turns_original[-1].role == "assistant"
            assert pair.turns_original[-1].sender_id in PERSONA
            for turn in pair.turns_original:
                assert (turn.role == "assistant") == (turn.sender_id in PERSONA)
            roles = [t.role for t in pair.turns_original]
            assert all(a != b for a, b in zip(roles, roles[1:], strict=False))
        if not ids:
            return
        chosen = ids[edit_seed % len(ids)]
        set_turns(project, chosen, [Turn("user", "вопрос"), Turn("assistant", f"ответ {edit_seed}")])
        set_status(project, [chosen], "approved")
        before = {i: get_pair(project, i) for i in ids}
        project.set_setting("extraction", {"merge_gap_s": edit_seed % 300,
                                           "implicit": bool(edit_seed % 2)})
        run_extraction(project)
        after = get_pair(project, chosen)
        assert after is not None
        assert after.answer == f"ответ {edit_seed}" and after.status == "approved"
        for pair_id, pair in before.items():
            now = get_pair(project, pair_id)
            if now is None:
                assert pair.status == "new" and not pair.edited
    finally:
        project.close()
