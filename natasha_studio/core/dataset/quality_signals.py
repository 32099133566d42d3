"""What a pair's texts say about whether it is a question and its answer.

Form checks (``quality.assess``) see length, emoji and links; these signals see what the
member and the persona did: asked or thanked, answered or thanked back, explained or put the
question off. Each signal is a number (mostly 0 or 1); ``quality_model`` weighs them.

Russian first, English too. Words are found on the lower-case text split at anything that is
not a letter (``str.translate`` + ``split``: C speed), and phrases by substring tests, on the
texts' beginnings only: a million-message chat has some 300,000 pairs to look at.
"""

from __future__ import annotations

import math
import re
from itertools import repeat

from natasha_studio.core.dataset.quality import _URL, _may_hold_url


class _Phrases:
    """Phrases found at word starts: each word of a phrase must be a word of the text, in
    order, the last one as the beginning of a word ("спасиб" finds "спасибо"; a phrase
    ending in a space, or shorter than four letters, wants its last word whole: "рад " is not
    "радость", "ура" not "культура"). Words are looked
    up by their first three letters, so a text costs a dictionary look-up per word rather
    than a scan per phrase."""

    def __init__(self, phrases: tuple[str, ...]) -> None:
        self._by_start: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        for phrase in phrases:
            words = phrase.replace("ё", "е").split()
            whole = phrase.endswith(" ") or len(words[-1]) < 4  # "ура", not "культура"
            self._by_start.setdefault(words[0][:3], []).append(
                (tuple(words[:-1]), words[-1], whole))

    def found(self, words: list[str]) -> bool:
        by_start = self._by_start
        for i, word in enumerate(words):
            candidates = by_start.get(word[:3])
            if candidates is None:
                continue
            for before, last, whole in candidates:
                at = i + len(before)
                if at >= len(words) or (before and tuple(words[i:at]) != before):
                    continue
                if words[at] == last if whole else words[at].startswith(last):
                    return True
        return False


class _PhraseSets:
    """Several sets of phrases found in one pass over a text's words: ``found`` gives the
    indexes of the sets that have a phrase there, as bits."""

    def __init__(self, *sets: _Phrases) -> None:
        self._by_start: dict[str, list[tuple[tuple[str, ...], str, bool, int]]] = {}
        for bit, phrases in enumerate(sets):
            for start, candidates in phrases._by_start.items():
                self._by_start.setdefault(start, []).extend(
                    (before, last, whole, 1 << bit) for before, last, whole in candidates)

    def found(self, words: list[str]) -> int:
        by_start = self._by_start
        bits = 0
        for i, word in enumerate(words):
            candidates = by_start.get(word[:3])
            if candidates is None:
                continue
            for before, last, whole, bit in candidates:
                if bits & bit:
                    continue
                at = i + len(before)
                if at >= len(words) or (before and tuple(words[i:at]) != before):
                    continue
                if words[at] == last if whole else words[at].startswith(last):
                    bits |= bit
        return bits


# The signals, in the order of a pair's row (the weights file names them in this order).
NAMES = (
    "asks_mark",        # the question has a question mark
    "asks_word",        # ... an interrogative word or particle (как, почему, ли, how...)
    "asks_request",     # ... a request for advice or help (подскажите, посоветуйте...)
    "asks_nothing",     # none of these three
    "question_social",  # ... thanks, greets, congratulates, reports, announces, shows (1;
                        #     0.5 when it asks something too: "Спасибо! А можно вопрос...")
    "question_link",    # ... shares a link
    "question_words",   # log(1 + words of the question)
    "answer_social",    # an answer that thanks, praises, greets or wishes well
    "answer_defers",    # a short answer that puts it off, sends it to private messages...
    "answer_moderates", # a short answer that applies the chat's rules
    "answer_asks",      # a short answer that asks something back
    "answer_words",     # log(1 + words of the answer)
    "answer_explains",  # advice and explanation words (попробуй, потому что, если...), 0..1
    "answer_numbers",   # the answer has numbers (amounts, times, sizes)
    "yes_no",           # a yes/no question answered "да" / "нет" / "можно"...
    "link_for_request", # a request for a link or a file answered with a link
    "related",          # how related question and answer are in meaning (-1..1; 0: unknown)
    "related_unknown",  # the meaning model knows too few of their words
    "emoji_only",       # form checks (see quality.assess)
    "greeting_only",
    "link_only",
    "too_short",
    "question_too_short",
)
INDEX = {name: i for i, name in enumerate(NAMES)}

_HEAD = 400          # characters of a text looked at
_EXPLAIN_HEAD = 300  # ... of an answer, for advice and explanation
_OPENING_WORDS = 20  # words of a question where thanks and greetings are looked for
_DIGIT = re.compile(r"\d")

# What may cling to a word (split at spaces): stripped off it.
_CLINGING = ".,!?;:()[]{}\"'«»“”„…—–/\\|*_+=<>~`@#$%^&"

_QUESTION_WORDS = frozenset(
    "как почему зачем отчего где куда откуда когда сколько какой какая какое какие каким какую "
    "каком какого какой-нибудь кто чем чего кому кого ли разве неужели "
    "what why how where when which who whom whose can could should would is are does do did "
    "any anyone anybody".split())
_QUESTION_PHRASES = _Phrases(("что делать", "что будет", "что лучше", "что значит", "что это", "что за ",
                     "есть ли", "можно ли", "нужно ли", "стоит ли", "надо ли", "как быть",
                     "у кого", "кто знает", "кто-нибудь", "кто нибудь", "что можно", "что нужно",
                     "что посоветуете", "не знаю как", "не понимаю", "вопрос", "можно ", "нужна ли",
                     "нужен ли", "стоит ", "с чего начать"))
_OPENING_QUESTION_WORDS = frozenset(("что",))
_REQUEST_WORDS = frozenset(
    "подскажите подскажи посоветуйте посоветуй помогите помоги скиньте скинь киньте поделитесь "
    "расскажите расскажи объясните объясни порекомендуйте подскажете посоветуете help advise "
    "recommend suggest please".split())
_SOCIAL_QUESTION = _Phrases((
    "спасиб", "благодар", "поздравл", "с днем", "с днём", "с праздник", "с новым", "с пятниц",
    "доброе утро", "добрый вечер", "добрый день", "всем привет",
    "привет всем", "всем доброго", "спокойной ночи", "хороших выходных", "хорошего дня",
    "хорошего вечера", "хорошей недели",
    "сделала", "сделал ", "выполнила", "закончила", "закончил", "довязала", "получилось",
    "отчет", "отчёт", "итоги", "напоминаю", "приглашаю", "встречаемся", "вот мой", "вот моя",
    "вот мое", "вот моё", "вот мои", "вот наш",
    "продаю", "реклам", "подписывайтесь", "вступайте", "ура",
    "новенькая", "новенький", "как вам", "вы лучшие", "ты лучшая", "вы лучший",
    "обнимаю", "люблю вас", "thank", "congrat", "good morning", "hello everyone", "my report",
    "первый раз", "наконец", "сегодня я", "собрала",
    "ушла в",
    "простите", "извините", "опоздала", "я тоже", "согласна", "согласен"))
_SOCIAL_ANSWER = _Phrases((
    "спасиб", "благодар", "умничк", "умница", "молодец", "молодчин", "браво", "поздравля",
    "ура", "рада", "рад ", "рады", "обнимаю", "красот", "класс ", "классно", "здорово", "супер",
    "огонь",
    "шикар", "прелест", "так держать", "удачи", "хорош", "добро пожаловать", "приятного",
    "с праздник", "с днем", "с днём", "и тебя", "и вас", "и тебе", "и вам", "спокойной", "сладких",
    "восторг", "горжусь", "пожалуйста", "привет", "доброе утро",
    "добрый", "согласна", "согласен", "я тоже", "бывает", "везет", "везёт", "ого", "вау", "ух ты",
    "thank", "great", "congrat", "welcome", "you're welcome", "nice", "cool", "well done",
    "ждем", "ждём", "как дела",
    "хорошей", "хорошего"))
_DEFER_ANSWER = _Phrases((
    "посмотрю", "посмотрим", "отвечу", "напишу", "в личку", "в лс", "в личные", "в директ",
    "позже", "вечером", "завтра", "на эфир", "эфире", "уточню", "передам", "вернусь", "следите",
    "хороший вопрос", "за вопрос", "в отдельной теме", "в теме", "в закрепе", "пришли",
    "напиши мне", "напишите мне", "за рулем", "за рулём", "не могу", "разберу", "разберём",
    "разберем", "подумаю", "запишу", "спроси ", "получила", "получил",
    "приняли", "посмотрим", "later", "dm me", "direct message", "will check", "we'll see",
    "поделитесь", "подскажешь", "кто был"))
_MODERATION_ANSWER = _Phrases((
    "удалил", "удалена", "запрещен", "запрещён", "заблокир", "бан", "правила",
    "флуд", "без капса", "предупрежд", "только по", "только в ", "не по теме",
    "от темы", "оффтоп", "офтоп", "не отвлека", "самореклам",
    "продажа только", "removed", "banned", "rules", "off topic"))
_EXPLAIN_WORDS = frozenset(
    "попробуй попробуйте советую рекомендую лучше нужно надо важно если чтобы обычно например "
    "сначала потом главное стоит можно нельзя бери берите возьми возьмите проверь проверьте "
    "начни начните делай делайте ставь ставьте скорее зависит обязательно используй "
    "используйте добавь добавьте убери уберите следи следите поставь поставьте выбери выберите "
    "посмотри смотри смотрите открой откройте нажми нажмите зайди зайдите иначе потому поэтому "
    "так как значит помогает помогут достаточно примерно около минимум максимум каждый каждые "
    "раз через после перед пока когда или из-за так что то есть следует должна должен "
    "чаще реже больше меньше сразу почти всегда никогда try should because usually first then better need "
    "make use check open click avoid instead".split())
_IMPERATIVE_ENDINGS = ("йте", "ите", "ьте", "уй", "ай")
_YES_NO_STARTS = frozenset(("да", "нет", "можно", "нельзя", "конечно", "не", "yes", "no",
                            "sure", "есть", "нету", "стоит", "нужно"))
_YES_NO_QUESTION = _Phrases(("ли", "можно", "нужно", "нужна", "нужен", "стоит",
                    "надо"))
_LINK_REQUEST = _Phrases(("ссылк", "где ", "скин", "кинь", "есть ли", "шаблон", "инструкц",
                 "схем", "link", "where"))


_ANSWER_KINDS = _PhraseSets(_SOCIAL_ANSWER, _DEFER_ANSWER, _MODERATION_ANSWER)
_SOCIAL, _DEFERS, _MODERATES = 1, 2, 4


def _words(text: str) -> list[str]:
    """The words of a lower-case text, punctuation stripped off their ends, ё as е."""
    pieces = text.replace("ё", "е").split()
    return list(filter(None, map(str.strip, pieces, repeat(_CLINGING, len(pieces)))))


def signals(q: str, a: str, q_lower: str, a_lower: str, form: list[str],
            related: float) -> list[float]:
    """The signals of one pair (``NAMES`` order): stripped texts, their lower-case forms, the
    form checks' reason codes and the meaning model's relatedness (nan: unknown). A yes/no
    question answered "Нет." changes ``greeting_only`` in ``form`` to ``too_short``."""
    ql, al = q_lower[:_HEAD], a_lower[:_HEAD]
    if _may_hold_url(ql, ql) and _URL.search(ql):
        q_link = 1.0
        ql = _URL.sub(" ", ql)
    else:
        q_link = 0.0
    a_url = _may_hold_url(al, al) and _URL.search(al) is not None
    if a_url:
        al = _URL.sub(" ", al)
    q_words = _words(ql)
    a_words = _words(al[:_EXPLAIN_HEAD])
    n_a = len(a_words) if len(al) <= _EXPLAIN_HEAD else len(al.split())
    short = n_a <= 14
    asks_mark = 1.0 if "?" in ql else 0.0
    # "что" asks when it opens the question ("что добавить в борщ..."); elsewhere it is
    # mostly "that" ("думаю, что...").
    asks_word = 1.0 if (not _QUESTION_WORDS.isdisjoint(q_words)
                        or (q_words and q_words[0] in _OPENING_QUESTION_WORDS)
                        or _QUESTION_PHRASES.found(q_words)) else 0.0
    asks_request = 1.0 if not _REQUEST_WORDS.isdisjoint(q_words) else 0.0
    # Advice and explanation: its words, and imperatives (their endings: попробуйте,
    # делай, используй, оставьте), whatever the subject.
    explains = len(_EXPLAIN_WORDS.intersection(a_words)) + sum(
        [w.endswith(_IMPERATIVE_ENDINGS) for w in a_words if len(w) > 4])
    # A thank-you or praise may run long: it opens socially and explains nothing.
    if short:
        kinds = _ANSWER_KINDS.found(a_words)
        answer_social = 1.0 if kinds & _SOCIAL else 0.0
        answer_defers = 1.0 if kinds & _DEFERS else 0.0
        answer_moderates = 1.0 if kinds & _MODERATES else 0.0
        answer_asks = 1.0 if "?" in al else 0.0
    else:
        answer_social = 1.0 if explains <= 1 and _SOCIAL_ANSWER.found(a_words[:6]) else 0.0
        answer_defers = answer_moderates = answer_asks = 0.0
    numbers = 1.0 if _DIGIT.search(al) else 0.0
    asks = asks_mark or asks_word or asks_request
    question_social = (0.5 if asks else 1.0) if _SOCIAL_QUESTION.found(q_words[:_OPENING_WORDS]) else 0.0
    first = a_words[0] if a_words else ""
    yes_no = 1.0 if (asks and first in _YES_NO_STARTS and _YES_NO_QUESTION.found(q_words)) else 0.0
    link_for_request = 1.0 if a_url and _LINK_REQUEST.found(q_words) else 0.0
    if yes_no and "greeting_only" in form:
        form[form.index("greeting_only")] = "too_short"
    unknown = math.isnan(related)
    return [
        asks_mark, asks_word, asks_request, 0.0 if asks else 1.0, question_social, q_link,
        math.log1p(min(len(q_words), 80)),
        answer_social, answer_defers, answer_moderates, answer_asks,
        math.log1p(min(n_a, 80)), min(explains, 3) / 3.0, numbers, yes_no, link_for_request,
        0.0 if unknown else float(related), 1.0 if unknown else 0.0,
        1.0 if "emoji_only" in form else 0.0,
        1.0 if "greeting_only" in form else 0.0,
        1.0 if "link_only" in form else 0.0,
        1.0 if "too_short" in form else 0.0,
        1.0 if "question_too_short" in form else 0.0,
    ]
