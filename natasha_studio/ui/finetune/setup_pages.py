"""What each provider's set-up page says: the account it needs and its cost, numbered steps
with links to the right console pages, and the fields it needs (the rest under "Advanced").

Text only, no widgets: ``providers_dialog`` lays the pages out. Links are real console and
documentation pages; a step names the button or menu the curator will see there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from natasha_studio.local import INSTALL_COMMAND
from natasha_studio.providers.catalog import country_name, provider_info


class ProviderSetup:
    """The pages' translation context: lupdate reads ``ProviderSetup.tr("…")`` calls."""

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("ProviderSetup", text)


@dataclass(frozen=True)
class Field:
    secret: str  # the name in the secret store
    override: str  # the build_provider keyword it is tested with
    label: str
    placeholder: str = ""
    password: bool = False
    browse: bool = False  # a "Choose…" button for a file


@dataclass(frozen=True)
class SetupPage:
    kind: str
    title: str
    account: str  # what account is needed and what it costs (rich text)
    steps: list[str]  # rich text, numbered by the page
    fields: list[Field] = field(default_factory=list)
    advanced: list[Field] = field(default_factory=list)
    test_label: str = ""
    command: str = ""  # a command to copy (local training)


def _link(url: str, text: str) -> str:
    return f'<a href="{url}">{text}</a>'


def setup_pages() -> list[SetupPage]:
    """The pages in the order the dialog lists them (the first choice for Russia first)."""
    return [_yandex(), _vertex(), _together(), _fireworks(), _openai(), _compatible(), _local()]


def _yandex() -> SetupPage:
    console = "https://console.yandex.cloud/"
    return SetupPage(
        kind="yandex", title="Yandex AI Studio",
        account=ProviderSetup.tr("You need a Yandex Cloud account with a billing account, paid in rubles with "
                    "a Russian bank card. Training YandexGPT Lite costs nothing while Yandex "
                    "offers it as a Preview; chatting with the tuned model is billed like the "
                    "ordinary YandexGPT Lite ({prices}).").format(
            prices=_link("https://yandex.cloud/ru/docs/ai-studio/pricing", ProviderSetup.tr("price list"))),
        steps=[
            ProviderSetup.tr("Open the {console} and sign in with your Yandex ID. If it asks, create a "
                "billing account.").format(console=_link(console, ProviderSetup.tr("Yandex Cloud console"))),
            ProviderSetup.tr("Choose the folder to work in (a new cloud already has one called "
                "“default”). Its ID is on the folder's page, starts with “b1g” and looks like "
                "b1g2abc3def4ghi5jk6l: copy it into “Folder ID” below ({how})."
                ).format(how=_link("https://yandex.cloud/ru/docs/resource-manager/operations/"
                                   "folder/get-id", ProviderSetup.tr("how to find it"))),
            ProviderSetup.tr("In that folder open “Identity and Access Management” → “Service accounts” → "
                "“Create service account”. Give it two roles: “ai.editor” (to upload data and "
                "train) and “ai.languageModels.user” (to chat with the model) ({how}).").format(
                how=_link("https://yandex.cloud/ru/docs/iam/operations/sa/create",
                          ProviderSetup.tr("step by step"))),
            ProviderSetup.tr("Open the new service account, press “Create new key” → “Create API key” and "
                "copy the secret key into “API key” below. Yandex shows it only once ({how})."
                ).format(how=_link("https://yandex.cloud/ru/docs/iam/operations/api-key/create",
                                   ProviderSetup.tr("step by step"))),
            ProviderSetup.tr("Training is a Preview: if the connection test says the folder has no access "
                "to it yet, ask for access in {studio} (Yandex answers by e-mail), then test "
                "again.").format(studio=_link("https://yandex.cloud/ru/docs/ai-studio/concepts/"
                                              "tuning/", ProviderSetup.tr("AI Studio"))),
        ],
        fields=[Field("yandex_folder_id", "folder_id", ProviderSetup.tr("Folder ID:"), "b1g…"),
                Field("yandex_api_key", "api_key", ProviderSetup.tr("API key:"), "AQVN…", password=True)],
        advanced=[Field("yandex_endpoint", "endpoint", ProviderSetup.tr("Training server address:"),
                        "llm.api.cloud.yandex.net:443"),
                  Field("yandex_chat_url", "chat_url", ProviderSetup.tr("Chat address:"),
                        "https://llm.api.cloud.yandex.net/v1")],
    )


def _vertex() -> SetupPage:
    return SetupPage(
        kind="vertex", title="Vertex AI (Google Cloud)",
        account=ProviderSetup.tr("You need a Google Cloud account with billing turned on (a card Google "
                    "accepts). Training is billed by the number of tokens the model reads; the "
                    "launch check shows the estimate in dollars before anything is sent "
                    "({prices}).").format(
            prices=_link("https://cloud.google.com/vertex-ai/generative-ai/pricing",
                         ProviderSetup.tr("price list"))),
        steps=[
            ProviderSetup.tr("{create} or choose one in the Google Cloud console, and copy its project ID "
                "(for example natasha-tuning-123456) into “Project ID”.").format(
                create=_link("https://console.cloud.google.com/projectcreate",
                             ProviderSetup.tr("Create a project"))),
            ProviderSetup.tr("{enable} for that project (one button: “Enable”).").format(
                enable=_link("https://console.cloud.google.com/apis/library/"
                             "aiplatform.googleapis.com", ProviderSetup.tr("Turn on the Vertex AI API"))),
            ProviderSetup.tr("{create} in the region you will train in (europe-west4 suits Europe) and type "
                "its name into “Bucket”: the dataset is uploaded there first.").format(
                create=_link("https://console.cloud.google.com/storage/create-bucket",
                             ProviderSetup.tr("Create a Cloud Storage bucket"))),
            ProviderSetup.tr("Give the app a credentials file, either way: in {accounts} create a service "
                "account with the roles “Vertex AI User” and “Storage Object Admin”, then "
                "“Keys” → “Add key” → JSON; or, if you use the gcloud tool, run “gcloud auth "
                "application-default login” and choose the file it saves (or leave the field "
                "empty to use it).").format(
                accounts=_link("https://console.cloud.google.com/iam-admin/serviceaccounts",
                               ProviderSetup.tr("Service accounts"))),
        ],
        fields=[Field("vertex_project", "project", ProviderSetup.tr("Project ID:"), "my-project-123456"),
                Field("vertex_location", "location", ProviderSetup.tr("Region:"), "europe-west4"),
                Field("vertex_bucket", "bucket", ProviderSetup.tr("Bucket:"), "my-tuning-data"),
                Field("vertex_credentials_file", "credentials_file", ProviderSetup.tr("Credentials file:"),
                      ProviderSetup.tr("empty: the gcloud sign-in on this computer"), browse=True)],
        advanced=[Field("vertex_base_url", "base_url", ProviderSetup.tr("Vertex AI address:"),
                        "https://europe-west4-aiplatform.googleapis.com/")],
    )


def _company(kind: str) -> str:
    """Who receives the dataset and where, in the catalog's words (one fact, one place)."""
    info = provider_info(kind)
    return ProviderSetup.tr("The dataset goes to {company} ({country}).").format(
        company=info.company, country=country_name(info.country))


def _foreign_card() -> str:
    return ProviderSetup.tr("<b>Paying from Russia may not work:</b> it takes a bank card issued "
                            "outside Russia, and the service's terms may refuse accounts from "
                            "Russia. Nobody has checked it for you: try with a small top-up "
                            "first.")


def _together() -> SetupPage:
    return SetupPage(
        kind="together", title="Together AI",
        account="<br><br>".join([
            ProviderSetup.tr("Tunes open models (Qwen, Llama, Gemma) with LoRA or fully, and "
                             "lets you download the trained adapter, so the tuned model can "
                             "answer on this computer for free. Training is billed per token in "
                             "dollars from a prepaid balance ({prices}); the launch check shows "
                             "the estimate first.").format(
                prices=_link("https://www.together.ai/pricing", ProviderSetup.tr("price list"))),
            _company("together") + " " + _foreign_card()]),
        steps=[
            ProviderSetup.tr("{signup} at Together AI and add credit on the {billing} page (a "
                             "few dollars are enough for a first persona).").format(
                signup=_link("https://api.together.ai/signin", ProviderSetup.tr("Sign up")),
                billing=_link("https://api.together.ai/settings/billing",
                              ProviderSetup.tr("Billing"))),
            ProviderSetup.tr("Open {keys}, press “Create API key”, and copy the key into “API "
                             "key” below.").format(
                keys=_link("https://api.together.ai/settings/api-keys",
                           ProviderSetup.tr("Settings → API keys"))),
            ProviderSetup.tr("Press “Check the key”: it asks Together AI which models it tunes "
                             "today, and the launch form offers them."),
        ],
        fields=[Field("together_api_key", "api_key", ProviderSetup.tr("API key:"), "tgp_v1_…",
                      password=True)],
        advanced=[Field("together_base_url", "base_url", ProviderSetup.tr("Server address:"),
                        "https://api.together.ai")],
        test_label=ProviderSetup.tr("Check the key"),
    )


def _fireworks() -> SetupPage:
    return SetupPage(
        kind="fireworks", title="Fireworks AI",
        account="<br><br>".join([
            ProviderSetup.tr("Tunes open models with LoRA, Kimi K2 among them where Fireworks "
                             "offers it. Training is billed per token in dollars ({prices}). "
                             "<b>To chat with the tuned model, Fireworks needs a deployment "
                             "billed per second of GPU time while it runs</b>; Natasha Studio "
                             "makes one only when you agree, and it stops after five idle "
                             "minutes.").format(
                prices=_link("https://fireworks.ai/pricing", ProviderSetup.tr("price list"))),
            _company("fireworks") + " " + _foreign_card()]),
        steps=[
            ProviderSetup.tr("{signup} at Fireworks AI and add a payment method under "
                             "“Billing”.").format(
                signup=_link("https://app.fireworks.ai/signup", ProviderSetup.tr("Sign up"))),
            ProviderSetup.tr("Open {keys}, press “Create API key”, and copy the key into “API "
                             "key” below. Fireworks shows it only once.").format(
                keys=_link("https://app.fireworks.ai/settings/users/api-keys",
                           ProviderSetup.tr("Settings → API Keys"))),
            ProviderSetup.tr("Open the account menu in the top right corner of Fireworks' "
                             "page and copy the “Account ID” (a short name such as “olga-"
                             "petrova”) into “Account ID” below."),
            ProviderSetup.tr("Press “Check the key”: it checks the key and the account, and "
                             "asks which models Fireworks tunes today."),
        ],
        fields=[Field("fireworks_api_key", "api_key", ProviderSetup.tr("API key:"), "fw_…",
                      password=True),
                Field("fireworks_account_id", "account_id", ProviderSetup.tr("Account ID:"),
                      "olga-petrova")],
        advanced=[Field("fireworks_base_url", "base_url", ProviderSetup.tr("Server address:"),
                        "https://api.fireworks.ai"),
                  Field("fireworks_chat_url", "chat_url", ProviderSetup.tr("Chat address:"),
                        "https://api.fireworks.ai/inference/v1")],
        test_label=ProviderSetup.tr("Check the key"),
    )


def _openai() -> SetupPage:
    return SetupPage(
        kind="openai", title="OpenAI",
        account=ProviderSetup.tr("<b>OpenAI takes no new fine-tuning customers and stops new fine-tuning "
                    "jobs for everyone on 6 January 2027.</b> Use it only if your organisation "
                    "already tunes there; chatting with models you tuned keeps working after "
                    "that day. Training is billed per token in dollars."),
        steps=[
            ProviderSetup.tr("Sign in to the OpenAI platform and {create}.").format(
                create=_link("https://platform.openai.com/api-keys", ProviderSetup.tr("create an API key"))),
            ProviderSetup.tr("Paste the key (it starts with “sk-”) into “API key” below."),
        ],
        fields=[Field("openai_api_key", "api_key", ProviderSetup.tr("API key:"), "sk-…", password=True)],
        advanced=[Field("openai_base_url", "base_url", ProviderSetup.tr("Server address:"),
                        "https://api.openai.com/v1")],
    )


def _compatible() -> SetupPage:
    return SetupPage(
        kind="compatible", title=ProviderSetup.tr("OpenAI-compatible server"),
        account=ProviderSetup.tr("For chat only: a server that answers like OpenAI's chat, such as Ollama or "
                    "LM Studio on this computer, or a hosted service. It cannot tune models; "
                    "use it in the Test chat to compare your tuned model with others. Local "
                    "servers are free."),
        steps=[
            ProviderSetup.tr("Start the server; for example install {ollama} and download a model in it."
                ).format(ollama=_link("https://ollama.com/download", "Ollama")),
            ProviderSetup.tr("Type its address (Ollama: http://localhost:11434/v1) and, if the service "
                "needs one, its key, then press “Test connection”."),
            ProviderSetup.tr("Add its models in the Test chat tab (“Models…”): the key saved here is used "
                "for this address."),
        ],
        fields=[Field("compatible_base_url", "base_url", ProviderSetup.tr("Server address:"),
                      "http://localhost:11434/v1"),
                Field("compatible_api_key", "api_key", ProviderSetup.tr("Key (if needed):"), "",
                      password=True)],
    )


def _local() -> SetupPage:
    return SetupPage(
        kind="local", title=ProviderSetup.tr("Local training (this computer)"),
        account=ProviderSetup.tr("Free, and the dataset never leaves this computer. It needs extra Python "
                    "packages (about 3 GB) and, to be fast, an NVIDIA graphics card with 8 GB of "
                    "memory or more, or a Mac with an Apple chip; on the processor alone a "
                    "small model takes hours."),
        steps=[
            ProviderSetup.tr("Open a terminal where Natasha Studio's Python is, and run the command below "
                "(the “Copy” button puts it on the clipboard)."),
            ProviderSetup.tr("Restart Natasha Studio, then press “Check this computer”: it says which "
                "device will train."),
        ],
        test_label=ProviderSetup.tr("Check this computer"),
        command=INSTALL_COMMAND,
    )
