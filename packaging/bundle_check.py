"""Inside a built bundle: prove that what only a frozen app can miss is there and works.

    NatashaStudio --check-bundle

The app's ``self-test`` opens the window and visits every tab; this goes after what the window
does not touch at start-up: each library that loads files by path or finds modules and
plug-ins by name at run time (the rules in bundle_plan.py). Each probe does real work with
the bundled data, offline. Exits 0 when every probe passes, 1 otherwise.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable


def _keyring() -> str:
    from importlib.metadata import entry_points

    import keyring

    names = sorted(ep.name for ep in entry_points(group="keyring.backends"))
    if not names:
        raise RuntimeError("keyring's entry points are missing (no package metadata)")
    modules = {"linux": "SecretService", "darwin": "macOS", "win32": "Windows"}
    platform_backend = next(v for k, v in modules.items() if sys.platform.startswith(k))
    __import__(f"keyring.backends.{platform_backend}")
    backend = keyring.get_keyring()
    return f"entry points {', '.join(names)}; in use: {type(backend).__module__}"


def _pymorphy3() -> str:
    import pymorphy3

    lemma = pymorphy3.MorphAnalyzer(lang="ru").parse("мамы")[0].normal_form
    if lemma != "мама":
        raise RuntimeError(f"unexpected lemma {lemma!r}")
    return "мамы -> мама"


def _natasha() -> str:
    from natasha_studio.core.privacy.ner import entities

    found = entities(["Наташа живёт в Москве."])[0]
    kinds = sorted({kind for _start, _end, kind in found})
    if "person" not in kinds:
        raise RuntimeError(f"no person found, only {kinds}")
    return f"entities: {', '.join(kinds)}"


def _tiktoken() -> str:
    import tiktoken

    from natasha_studio.core.export.tokens import ensure_offline_encodings

    ensure_offline_encodings()
    counts = [len(tiktoken.get_encoding(name).encode("Привет, Наташа!"))
              for name in ("o200k_base", "cl100k_base")]
    return f"o200k_base and cl100k_base from the bundle: {counts} tokens"


def _certifi() -> str:
    import ssl

    import certifi

    context = ssl.create_default_context(cafile=certifi.where())
    return f"{len(context.get_ca_certs())} CA certificates"


def _faker() -> str:
    import faker

    name = faker.Faker("ru_RU").first_name()
    if not name:
        raise RuntimeError("no name generated")
    return f"ru_RU first name: {name}"


def _tzdata() -> str:
    import zoneinfo
    from datetime import datetime

    # An empty search path makes zoneinfo read the bundled tzdata package, as on Windows.
    zoneinfo.reset_tzpath(to=[])
    try:
        moscow = zoneinfo.ZoneInfo.no_cache("Europe/Moscow")
    finally:
        zoneinfo.reset_tzpath()
    return f"Moscow now (from tzdata): {datetime.now(moscow):%H:%M %Z}"


def _grpc() -> str:
    import pkgutil

    import grpc
    from yandex.cloud.ai.tuning.v1 import tuning_service_pb2_grpc
    from yandex_ai_studio_sdk import AsyncAIStudio

    # grpc reads its root certificates this way when a TLS channel first needs them.
    roots = pkgutil.get_data("grpc", "_cython/_credentials/roots.pem") or b""
    if b"BEGIN CERTIFICATE" not in roots:
        raise RuntimeError("grpc's roots.pem is missing")
    grpc.ssl_channel_credentials()
    return (f"{roots.count(b'BEGIN CERTIFICATE')} root certificates for gRPC over TLS; "
            f"{AsyncAIStudio.__name__} and {tuning_service_pb2_grpc.TuningServiceStub.__name__} "
            "import")


def _together() -> str:
    from detect_agent import determine_agent
    from fireworks import AsyncFireworks
    from together import AsyncTogether
    from together.resources.fine_tuning import AsyncFineTuningResource

    # together's client reads agents.json for every request's User-Agent; its fine-tuning
    # module imports rich at load time (rich ships; pygments and the CLI stay out).
    determine_agent()
    client = AsyncTogether(api_key="probe", base_url="http://127.0.0.1:9")
    # The resources the providers call, reached without the parts the bundle leaves out.
    fireworks = AsyncFireworks(api_key="probe", account_id="probe", base_url="http://127.0.0.1:9")
    for resource in (client.files, client.fine_tuning, client.models, fireworks.datasets,
                     fireworks.supervised_fine_tuning_jobs, fireworks.deployments,
                     fireworks.models):
        assert type(resource).__name__  # reaching the resource builds it
    return (f"{AsyncTogether.__name__} ({client.base_url}), "
            f"{AsyncFineTuningResource.__name__} and {AsyncFireworks.__name__} import; "
            "agents.json reads")


def _helper_process() -> str:
    # Large extractions score pairs in a helper process: in a frozen app that process is this
    # same executable, started through multiprocessing (freeze_support in the launcher).
    from natasha_studio.core.dataset.scoring import Scorer
    from natasha_studio.core.dataset.topics import Topic

    with Scorer([Topic(1, "Past lives", ["карма"], True)], helper=True) as scorer:
        if not scorer.in_helper:
            raise RuntimeError("the helper process did not start")
        scorer.submit([("Что такое карма?", "Карма — это следствия наших поступков.",
                        False, False, 1.0, True)])
        quality, _reasons, topics = scorer.result()[0]
    if topics != (1,):
        raise RuntimeError(f"the helper tagged {topics!r}")
    return f"a pair scored {quality} in a helper process"


def _quality_learning() -> str:
    # Fitting the quality score on a curator's decisions: scikit-learn and the parts of SciPy
    # it needs (the rest is left out, see bundle_plan.UNUSED_SCIENCE_MODULES).
    from natasha_studio.core.dataset.quality_learning import decision_rows, fit_weights
    from natasha_studio.core.dataset.quality_model import score_rows

    pairs = [("Как уснуть, если много мыслей?", "Запиши мысли в блокнот и подыши медленно.",
              False, False, 1.0), ("Спасибо за эфир!", "Спасибо тебе! ❤️", False, False, 1.0)]
    rows = decision_rows(pairs * 10)
    weights = fit_weights(rows, [True, False] * 10, source="project")
    scores = [s for s, _r in score_rows(rows[:2], [[], []], [False, False], weights)]
    if not scores[0] > 0.5 > scores[1]:
        raise RuntimeError(f"the fitted score gives {scores}")
    return f"fitted on 20 decisions: {scores[0]:.2f} and {scores[1]:.2f}"


PROBES: dict[str, Callable[[], str]] = {
    "helper process": _helper_process,
    "quality learning": _quality_learning,
    "keyring": _keyring,
    "pymorphy3": _pymorphy3,
    "natasha": _natasha,
    "tiktoken": _tiktoken,
    "certifi": _certifi,
    "faker": _faker,
    "tzdata": _tzdata,
    "grpc": _grpc,
    "together": _together,
}


def main() -> int:
    failed = 0
    for name, probe in PROBES.items():
        started = time.perf_counter()
        try:
            detail = probe()
        except Exception as exc:  # report every probe, then fail once at the end
            failed += 1
            print(f"  FAIL {name}: {type(exc).__name__}: {exc}", flush=True)
            traceback.print_exc()
            continue
        print(f"  ok   {name} ({time.perf_counter() - started:.1f} s): {detail}", flush=True)
    print("bundle check passed" if not failed else f"bundle check FAILED ({failed})")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
