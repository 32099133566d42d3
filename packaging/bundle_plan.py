"""What goes into the frozen app, in one place the spec builds from and the tests check.

The PyInstaller spec (``natasha_studio.spec``) imports this module; so do the packaging tests,
which need no PyInstaller. Nothing here imports PyInstaller or Qt.

A frozen app finds only what its import analysis saw. Three kinds of thing slip through:
files loaded by path (our ``resources/`` tree, dictionaries, model weights, certificates),
modules found by name at run time (keyring back-ends, tiktoken's encoding plugin), and
package metadata read at run time (entry points, versions). Each is declared below.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
PYPROJECT = ROOT / "pyproject.toml"
ENTRY_SCRIPT = PACKAGING / "launcher.py"
ICONS = ROOT / "resources" / "icons"

EXE_NAME = "NatashaStudio"
DISPLAY_NAME = "Natasha Studio"
BUNDLE_ID = "org.natashastudio.NatashaStudio"
ICON_ICO = ICONS / "natasha-studio.ico"
ICON_ICNS = ICONS / "natasha-studio.icns"
ICON_PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# Copied whole, so what later work adds to resources/ ships without touching the spec. The
# destination must match natasha_studio.core.resources.resources_dir() in a frozen app.
RESOURCE_TREES: tuple[tuple[str, str], ...] = (("resources", "resources"),)

# The app finds its command groups and tabs by module name (cli.COMMAND_MODULES,
# main_window.TABS), which import analysis cannot follow, so every module of it ships.
APP_PACKAGES: tuple[str, ...] = ("natasha_studio",)

# Linux: some shared libraries carry debug information as most of their size (pyenv's
# libpython: 23 MB, 6 MB without; regex: 2.5 -> 0.9 MB). Only debug sections go, and never
# from auditwheel's "<package>.libs" folders: their libraries were rewritten by patchelf and
# break when stripped ("ELF load command address/offset not page-aligned", numpy's OpenBLAS).
NEVER_STRIP = re.compile(r"(^|/)[^/]+\.libs/")


def may_strip_debug(dest: str) -> bool:
    """Whether the bundled library at ``dest`` may lose its debug sections."""
    return not NEVER_STRIP.search(dest.replace("\\", "/"))


# Limit agreed for the Linux one-folder bundle: 300 MB, raised by what Yandex AI Studio needs
# (gRPC's native library, 17 MB) and the colour emoji font (11 MB) that Linux desktops lack,
# and by scikit-learn with the parts of SciPy it imports (fitting the pair quality score on a
# curator's decisions: 82 MB of native libraries and 17 MB of Python source installed),
# and by the Together AI and Fireworks AI SDKs with what they bring (aiohttp and its parts,
# which google-genai and Telethon also use once installed; rich): ~25 MB, less their parts
# left out below.
MAX_BUNDLE_MB = 453


@dataclass(frozen=True)
class ProjectInfo:
    name: str
    version: str
    description: str
    license: str

    @property
    def version_tuple(self) -> tuple[int, int, int, int]:
        """The version as four numbers, as Windows version resources want it."""
        numbers = [int(n) for n in re.findall(r"\d+", self.version)[:4]]
        return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def project_info(pyproject: Path = PYPROJECT) -> ProjectInfo:
    """Name, version and description from pyproject.toml: the one place they are written."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    lic = data.get("license", {})
    return ProjectInfo(
        name=data["name"],
        version=data["version"],
        description=data.get("description", ""),
        license=lic.get("text", "") if isinstance(lic, dict) else str(lic),
    )


@dataclass(frozen=True)
class DataRule:
    """What one run-time dependency needs beyond its Python modules.

    The rule applies when the app's own code imports the module ``trigger`` or, for a library
    the app reaches only through another one (``indirect``), when the distribution of that
    name is among the app's dependencies. Large model files ship only when they are used.
    """

    trigger: str
    why: str
    indirect: bool = False
    collect_data: tuple[str, ...] = ()  # import packages whose data files are copied
    data_includes: tuple[str, ...] = ()  # glob patterns within them; empty: every data file
    metadata: tuple[str, ...] = ()  # distributions whose .dist-info ships (entry points)
    hidden_imports: tuple[str, ...] = ()
    hidden_submodules: tuple[str, ...] = ()  # packages all of whose submodules are added
    # Files (relative to the bundle's data folder) a built bundle must contain.
    expect_in_bundle: tuple[str, ...] = ()


DATA_RULES: tuple[DataRule, ...] = (
    DataRule(
        "keyring",
        "keyring picks its back-end from entry points and imports it by name; the macOS, "
        "Windows and Secret Service back-ends must all be there for the platform to choose.",
        metadata=("keyring",),
        hidden_submodules=("keyring.backends",),
    ),
    DataRule(
        "pymorphy3",
        "pymorphy3 finds its Russian dictionary through an entry point and opens its files "
        "by path.",
        collect_data=("pymorphy3_dicts_ru",),
        metadata=("pymorphy3-dicts-ru",),
        hidden_imports=("pymorphy3_dicts_ru",),
        expect_in_bundle=("pymorphy3_dicts_ru/data/words.dawg",),
    ),
    DataRule(
        "natasha",
        "The privacy checker loads natasha's NER model and word embeddings (tar files) by "
        "path with slovnet and navec, finding natasha's folder without importing it. Only "
        "these two files ship, not natasha's morphology, syntax or name lists.",
        indirect=True,
        collect_data=("natasha",),
        data_includes=("data/emb/*.tar", "data/model/slovnet_ner_*.tar"),
        expect_in_bundle=(
            "natasha/data/emb/navec_news_v1_1B_250K_300d_100q.tar",
            "natasha/data/model/slovnet_ner_news_v1.tar",
        ),
    ),
    DataRule(
        "tiktoken",
        "tiktoken registers its encodings through the tiktoken_ext namespace package, which it "
        "scans at run time; the encoding files themselves ship in resources/.",
        hidden_imports=("tiktoken_ext", "tiktoken_ext.openai_public"),
    ),
    DataRule(
        "certifi",
        "HTTPS to OpenAI, Google and Telegram's web endpoints checks certificates against "
        "certifi's bundle, opened by path.",
        indirect=True,
        collect_data=("certifi",),
        expect_in_bundle=("certifi/cacert.pem",),
    ),
    DataRule(
        "faker",
        "Faker's own PyInstaller hook ships every provider in every locale (13 MB); the app "
        "uses the Russian and English name providers, so other locales are left out "
        "(FAKER_LOCALES).",
        expect_in_bundle=("faker/providers/person/ru_RU/__init__.py",),
    ),
    DataRule(
        "grpc",
        "Yandex AI Studio is reached over gRPC with TLS; grpc opens its root certificates "
        "(roots.pem) by path.",
        collect_data=("grpc",),
        data_includes=("_cython/_credentials/roots.pem",),
        expect_in_bundle=("grpc/_cython/_credentials/roots.pem",),
    ),
    DataRule(
        "together",
        "together's client names the AI agent it runs under in every request's User-Agent, "
        "reading detect_agent's agents.json by path.",
        collect_data=("detect_agent",),
        data_includes=("agents.json",),
        expect_in_bundle=("detect_agent/agents.json",),
    ),
    DataRule(
        "tzdata",
        "zoneinfo reads time-zone files by path where the OS has none (Windows).",
        indirect=True,
        collect_data=("tzdata",),
        expect_in_bundle=("tzdata/zoneinfo/Europe/Moscow",),
    ),
)

# Dependencies that ship non-code files which the app does not need, or which PyInstaller's
# own hooks already collect. Listed so a new dependency with data files gets a decision.
DATA_NOT_NEEDED: dict[str, str] = {
    "scikit-learn": "meson build files and Cython templates, for building it only",
    "scipy": "qhull's licence text and Sobol direction numbers (scipy.stats.qmc): fitting a"
             " logistic regression reads neither",
    "cffi": "C headers for compiling extensions, not used at run time",
    "google-crc32c": "the C source of its extension",
    "google-cloud-storage": "gapic_metadata.json describes the generated client for tooling",
    "googleapis-common-protos": ".proto sources; the compiled _pb2 modules are what runs",
    "keyring": "shell completion scripts",
    "numpy": "C headers and Cython declarations for building against numpy",
    "openai": "API docs and licence files of a vendored module",
    "pandas": "PyInstaller's pandas hooks collect the Styler templates it loads",
    "pycparser": "a table used only to generate its own sources",
    "pyside6-addons": "PyInstaller's Qt hooks collect the libraries and plug-ins of the "
    "modules the app imports",
    "pyside6-essentials": "PyInstaller's Qt hooks, as above",
    "shiboken6": "C++ headers for building bindings",
    "urllib3": "a web-worker script for urllib3 running inside a browser (Pyodide)",
    "websockets": "the C source of its speed-ups",
    "faker": "its data lives in Python modules, which its own PyInstaller hook collects",
    "ipymarkup": "notebook markup styles; the app does not render natasha's markup",
    "pymorphy2-dicts-ru": "only natasha's MorphVocab opens it; the app uses natasha's NER alone",
    "pyside6-pdf": "QtPdf is left out on purpose (UNUSED_QT_NATIVE)",
    "pyside6-webengine": "QtWebEngine is left out on purpose (UNUSED_QT_NATIVE)",
    "fireworks-ai": "an empty marker file, and the source note of its training SDK (the "
    "training extra, which the app does not use)",
    "together": "an empty marker file",
    "aiohttp": "a Cython include file for building its parser",
    "types-pyyaml": "type stubs for type checkers (together declares them)",
    "markdown-it-py": "a note of where the port came from; only together's command line, "
    "which stays out, renders Markdown",
    "setuptools": "a packaging tool some dependencies declare (pymorphy3 on newer Pythons, "
    "grpcio-tools); nothing of it runs in the app, and it is excluded below",
}

# Left out of the bundle: the app does not use them, and some are very large.
UNUSED_QT_MODULES: tuple[str, ...] = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtDataVisualization", "QtDesigner",
    "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtPdf", "QtPdfWidgets", "QtPositioning",
    "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
    "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort",
    "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest", "QtTextToSpeech", "QtUiTools",
    "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
    "QtWebSockets", "QtWebView", "QtXml",
    # QtCharts links the OpenGL libraries (they stay), but the app never calls OpenGL or
    # D-Bus from Python (8.9 MB of bindings); its HTTP goes through Python libraries, so Qt's
    # network module and its TLS plug-ins stay out too.
    "QtOpenGL", "QtOpenGLWidgets", "QtDBus", "QtNetwork",
)
# Parts of SciPy and scikit-learn that importing sklearn.linear_model and fitting a logistic
# regression never load (a test runs the fit and checks): the app uses nothing else of them.
UNUSED_SCIENCE_MODULES: tuple[str, ...] = (
    *(f"scipy.{name}" for name in ("cluster", "datasets", "differentiate", "fftpack", "io",
                                   "misc", "odr", "signal")),
    *(f"sklearn.{name}" for name in (
        "cluster", "compose", "covariance", "cross_decomposition", "datasets", "decomposition",
        "ensemble", "experimental", "feature_extraction", "feature_selection", "frozen",
        "gaussian_process", "impute", "inspection", "manifold", "mixture", "neighbors",
        "neural_network", "semi_supervised", "tree", "tests", "calibration", "isotonic",
        "kernel_approximation", "kernel_ridge", "naive_bayes", "random_projection",
        "multiclass", "multioutput", "dummy", "discriminant_analysis", "pipeline")),
)
# Local LoRA training needs PyTorch and friends (gigabytes, GPU-specific builds): the bundle
# leaves them out, and the app imports them only when a curator starts local training,
# saying it is not installed when they are missing.
OPTIONAL_IMPORTS: frozenset[str] = frozenset({
    "torch", "transformers", "peft", "trl", "datasets", "accelerate", "bitsandbytes",
    "huggingface_hub",
    # Unpacking Together AI's zstd-compressed adapters is for local chat only.
    "zstandard",
})
EXCLUDED_MODULES: tuple[str, ...] = (
    # Test and development tools.
    "pytest", "_pytest", "pytestqt", "hypothesis", "gcp_storage_emulator", "ruff", "pip",
    "IPython", "jedi", "pydoc_data", "unittest.mock",
    # GUI toolkits and plotting stacks that optional code paths of dependencies may import.
    "tkinter", "_tkinter", "matplotlib", "PyQt5", "PyQt6", "PySide2",
    # PyYAML: google-genai imports it only to write YAML, numpy only to show its config.
    "yaml",
    # Console and build tools that optional paths of dependencies import: pygments (pretty
    # tracebacks), click (command lines), setuptools and pkg_resources (packaging),
    # fsspec (pandas' remote files), jinja2 (pandas' Styler). numpy.f2py ships: SciPy's
    # array API layer copies every attribute of numpy, which imports f2py on the way.
    # rich itself ships: together's fine-tuning module imports its print at load time.
    "pygments", "click", "setuptools", "pkg_resources", "fsspec",
    "jinja2",
    # together's own command line (2.8 MB) and what only it uses; the app calls the SDK.
    "together.lib.cli", "cyclopts", "rich_rst", "docstring_parser", "markdown_it",
    # Fireworks' low-level training SDK and Together's post-training (Tinker) API: the app
    # tunes through their fine-tuning jobs only (a test imports what it uses and checks).
    "fireworks.training", "together.post_training",
    # Pillow: optional in Telethon (resizing photos to send); Qt draws every image here.
    "PIL",
    # The protobuf compiler that the Yandex Cloud stubs' package depends on; the app only uses
    # the compiled stubs.
    "grpc_tools",
    # Everything behind local training (see OPTIONAL_IMPORTS) and what it pulls in.
    *OPTIONAL_IMPORTS, "torchvision", "torchaudio", "triton", "sympy", "safetensors",
    "tokenizers",
    # Heavy optional back-ends of pandas that the app never uses. (SciPy ships for
    # scikit-learn, less the parts of both that fitting a logistic regression never loads.)
    "pyarrow", "numba", "sqlalchemy", "openpyxl", "xlsxwriter", "tables",
) + tuple(f"PySide6.{name}" for name in UNUSED_QT_MODULES) + UNUSED_SCIENCE_MODULES

# Native Qt parts that plug-ins pull in although the app never uses them: the virtual
# keyboard plug-in brings QtQuick and QML (~17 MB), the PDF image plug-in brings QtPdf, and
# the embedded-device platforms are for kiosks without a desktop. Matched against bundle
# paths on all three systems (libQt6Quick.so.6, Qt6Quick.dll, QtQuick.framework).
UNUSED_QT_NATIVE = re.compile(
    r"(^|/)(lib)?Qt6?(Quick|Qml|VirtualKeyboard|Pdf|WebEngine|3D|Multimedia|ShaderTools|EglFS|EglFs)"
    r"|plugins/imageformats/(lib)?qpdf\."
    r"|plugins/platforminputcontexts/(lib)?qtvirtualkeyboardplugin\."
    r"|plugins/egldeviceintegrations/|plugins/generic/"
    r"|plugins/imageformats/(lib)?q(tiff|tga|wbmp|icns)\."
    # GTK's look for Qt widgets: it drags in a second copy of cairo, pango and GDK (~5 MB)
    # that must match the desktop's own GTK; the app has its own light and dark themes.
    r"|plugins/platformthemes/(lib)?qgtk3\."
    r"|plugins/platforms/(lib)?q(eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl)\."
    r"|Qt/translations/qt_help_"
)
# Locales of Faker's providers that ship: pseudonyms are Russian or English.
FAKER_LOCALES: frozenset[str] = frozenset({"en", "en_US", "ru_RU"})


@functools.cache
def _faker_locales() -> frozenset[str]:
    # A locale is a sub-package of a provider (faker/providers/person/ru_RU/); provider
    # packages also hold plain modules (sbn/sbn.py, color/color.py), which must stay.
    spec = importlib.util.find_spec("faker")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    providers = Path(next(iter(spec.submodule_search_locations))) / "providers"
    return frozenset(p.name for p in providers.glob("*/*") if (p / "__init__.py").is_file())


def keep_module(name: str) -> bool:
    """False for modules left out of the bundle: Faker providers in unused locales.

    ``name`` is a dotted module name or a bundle path (Faker's hook also copies the provider
    sources as data files, which Faker scans to list its locales).
    """
    parts = name.replace("\\", "/").replace("/", ".").split(".")
    return not (parts[:2] == ["faker", "providers"] and len(parts) >= 4
                and parts[3] in _faker_locales() and parts[3] not in FAKER_LOCALES)


# Qt ships translations for its own dialogs in some thirty languages; the app speaks two.
QT_TRANSLATION_LANGUAGES: tuple[str, ...] = ("ru", "en")


def keep_in_bundle(dest: str) -> bool:
    """False for the Qt parts above and Qt's .qm files in languages the app does not offer."""
    norm = dest.replace("\\", "/")
    if UNUSED_QT_NATIVE.search(norm) or not keep_module(norm):
        return False
    if "Qt/translations/" not in norm or not norm.endswith(".qm"):
        return True
    stem = norm.rsplit("/", 1)[-1][:-3]
    return any(stem.endswith(f"_{lang}") or f"_{lang}_" in stem
               for lang in QT_TRANSLATION_LANGUAGES)


def normalize(name: str) -> str:
    """A distribution name in the canonical form pip uses (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def dependency_closure(pyproject: Path = PYPROJECT) -> dict[str, object]:
    """Every installed distribution the app's declared dependencies pull in, by name.

    Values are ``importlib.metadata.Distribution`` objects; a dependency that is not installed
    (say, a platform-only one) is left out.
    """
    from importlib import metadata

    from packaging.requirements import Requirement

    env = {"extra": ""}
    deps = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    found: dict[str, object] = {}
    pending = [Requirement(d) for d in deps]
    while pending:
        req = pending.pop()
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        key = normalize(req.name)
        if key in found:
            continue
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            continue
        found[key] = dist
        for raw in dist.requires or []:
            pending.append(Requirement(raw))
    return found


def file_imports(path: Path) -> set[str]:
    """Top-level names of the modules one source file imports, lazily imported ones too."""
    import ast

    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def app_imports(package: Path = ROOT / "natasha_studio") -> set[str]:
    """Top-level names of every module the app's code imports."""
    return set().union(*(file_imports(path) for path in package.rglob("*.py")))


def active_rules(imports: set[str] | None = None,
                 closure: dict[str, object] | None = None) -> list[DataRule]:
    """The rules that apply to the app as its code and dependencies stand now."""
    imports = app_imports() if imports is None else imports
    closure = dependency_closure() if closure is None else closure
    return [rule for rule in DATA_RULES
            if rule.trigger in imports
            or (rule.indirect and normalize(rule.trigger) in closure)]


# A colour emoji font ships in the Linux bundle: many Linux desktops have none, and members'
# emoji then show as boxes. Windows and macOS have their own. Taken from the build machine
# (Debian's fonts-noto-color-emoji, which .ci/run installs), under the SIL Open Font License.
EMOJI_FONTS = (Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"),)
FONTS_DEST = "resources/fonts"


def resource_datas(root: Path = ROOT, platform: str = sys.platform) -> list[tuple[str, str]]:
    """(source, bundle folder) pairs: the resources trees whole, and on Linux an emoji font."""
    datas = [(str(root / src), dest) for src, dest in RESOURCE_TREES]
    if platform.startswith("linux"):
        datas += [(str(font), FONTS_DEST) for font in EMOJI_FONTS if font.is_file()][:1]
    return datas
