"""Fine-tune commands: ``finetune`` (launch, optionally wait) and ``jobs`` (list with states).

Both read keys like the window does (keyring, with the SDKs' usual environment variables
winning: OPENAI_API_KEY, OPENAI_BASE_URL, GOOGLE_CLOUD_PROJECT, GOOGLE_CLOUD_LOCATION,
GOOGLE_APPLICATION_CREDENTIALS, NATASHA_STUDIO_GCS_BUCKET, YC_API_KEY, YC_FOLDER_ID,
NATASHA_STUDIO_YANDEX_ENDPOINT / NATASHA_STUDIO_YANDEX_CHAT_URL for a proxy in front of Yandex,
TOGETHER_API_KEY, FIREWORKS_API_KEY and FIREWORKS_ACCOUNT_ID).
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from natasha_studio.cli_commands.jobs import (
    EXIT_CODES_HELP,
    EXIT_USAGE,
    add_address_options,
    follow,
    follow_existing,
)
from natasha_studio.core import export, jobs
from natasha_studio.core.i18n import translate
from natasha_studio.core.jobs.confirm import launch_summary, tuning_refusal
from natasha_studio.core.jobs.local import check_base_model, local_preflight, normalize_base_model
from natasha_studio.core.store import Project
from natasha_studio.operations import finetune
from natasha_studio.providers.catalog import country_name, provider_info, provider_label
from natasha_studio.providers.registry import (
    TUNING_PROVIDERS,
    address_overrides,
    build_provider,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("finetune", help="launch a fine-tune of a snapshot (Yandex AI Studio, "
                                        "Vertex AI, Together AI, Fireworks AI, OpenAI, or "
                                        "local LoRA training on this computer)")
    p.add_argument("project", help="the .nstudio project file")
    p.add_argument("--provider", choices=TUNING_PROVIDERS,
                   help="where to train (required unless --follow)")
    p.add_argument("--model",
                   help="the base model, e.g. gemini-2.5-flash (default: the provider's usual "
                        "one, yandexgpt-lite for Yandex, Qwen/Qwen3-8B for Together, "
                        "accounts/fireworks/models/qwen3-8b for Fireworks, where "
                        "accounts/fireworks/models/kimi-k2-instruct is Kimi K2); for local, "
                        "required: a model folder or a Hugging Face id such as "
                        "Qwen/Qwen2.5-0.5B-Instruct")
    p.add_argument("--snapshot", help="snapshot name or number (default: freeze the approved pairs)")
    p.add_argument("--epochs", type=int, help="epochs (default: the provider chooses)")
    p.add_argument("--learning-rate-multiplier", type=float, help="default: the provider chooses")
    p.add_argument("--batch-size", type=int, help="OpenAI and local (default: auto; local 4)")
    p.add_argument("--adapter-size", type=int, choices=(1, 2, 4, 8, 16, 32),
                   help="Vertex AI only (default: the provider chooses)")
    p.add_argument("--suffix", help="OpenAI: a suffix for the tuned model's name")
    p.add_argument("--seed", type=int, help="OpenAI, Yandex and Together: a seed for a "
                                            "repeatable run")
    p.add_argument("--full", action="store_true",
                   help="Together AI: tune every weight instead of a LoRA adapter (the adapter "
                        "cannot then be brought home)")
    lora = p.add_argument_group("LoRA (--provider yandex or local)")
    lora.add_argument("--learning-rate", type=float,
                      help="how big each learning step is (local default 2e-4; Yandex chooses "
                           "its own)")
    lora.add_argument("--lora-r", "--lora-rank", dest="lora_r", type=int,
                      help="LoRA rank, how much the adapter can learn (local default 16; Yandex "
                           "chooses its own)")
    lora.add_argument("--lora-alpha", type=int,
                      help="LoRA alpha, how strongly the adapter's changes count (local default "
                           "32; Yandex chooses its own)")
    yandex = p.add_argument_group("Yandex AI Studio (--provider yandex; also the LoRA options "
                                  "and --seed)")
    yandex.add_argument("--n-samples", type=int,
                        help="how many examples training goes through in all, repeats included "
                             "(default: Yandex chooses)")
    local = p.add_argument_group("local training (--provider local; also the LoRA options)")
    local.add_argument("--lora-dropout", type=float, help="default 0.05")
    local.add_argument("--target-modules", help="comma-separated (default: every attention and "
                                                "MLP projection)")
    local.add_argument("--max-length", type=int, help="tokens per example (default 1024)")
    local.add_argument("--load-in-4bit", action="store_true", help="CUDA with bitsandbytes only")
    local.add_argument("--device", choices=("auto", "cuda", "mps", "cpu"), help="default: auto")
    local.add_argument("--max-steps", type=int, help="stop after this many steps (a quick try)")
    p.add_argument("--name", default="", help="a display name for the job")
    p.add_argument("--wait", action="store_true", help="follow the job until it ends")
    p.add_argument("--yes", "-y", action="store_true",
                   help="launch without asking (the summary is still printed); needed when "
                        "the command is not run in a terminal")
    p.add_argument("--keep-uploaded-data", action="store_true",
                   help="leave the uploaded training file at the provider after the job ends "
                        "(by default it is deleted there)")
    p.add_argument("--poll-interval", type=float, help="seconds between checks with --wait")
    add_address_options(p)
    p.add_argument("--follow", metavar="JOB",
                   help="launch nothing: follow a job launched earlier (its number or id) "
                        "until it ends, e.g. after the window or the computer was closed")
    p.epilog = EXIT_CODES_HELP
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.set_defaults(func=cmd_finetune)


def _hyperparameters(args: argparse.Namespace) -> dict:
    if args.provider == "local":
        values = {"epochs": args.epochs, "learning_rate": args.learning_rate,
                  "batch_size": args.batch_size, "lora_r": args.lora_r,
                  "lora_alpha": args.lora_alpha, "lora_dropout": args.lora_dropout,
                  "target_modules": args.target_modules, "max_length": args.max_length,
                  "load_in_4bit": True if args.load_in_4bit else None, "device": args.device,
                  "max_steps": args.max_steps, "seed": args.seed}
        return {k: v for k, v in values.items() if v is not None}
    if args.provider == "yandex":
        values = {"lora_rank": args.lora_r, "lora_alpha": args.lora_alpha,
                  "learning_rate": args.learning_rate, "n_samples": args.n_samples,
                  "seed": args.seed}
        return {k: v for k, v in values.items() if v is not None}
    if args.provider in ("together", "fireworks"):
        values = {"epochs": args.epochs, "learning_rate": args.learning_rate,
                  "lora_rank": args.lora_r, "seed": args.seed, "suffix": args.suffix}
        if args.provider == "together":
            values.update(lora_alpha=args.lora_alpha, full_training=True if args.full else None)
        else:
            values.update(max_context_length=args.max_length)
        return {k: v for k, v in values.items() if v is not None}
    values = {"epochs": args.epochs, "learning_rate_multiplier": args.learning_rate_multiplier,
              "batch_size": args.batch_size, "adapter_size": args.adapter_size,
              "suffix": args.suffix, "seed": args.seed}
    return {k: v for k, v in values.items() if v is not None}


def cmd_finetune(args: argparse.Namespace) -> int:
    if args.follow:
        return follow_existing(args.project, args.follow, args.poll_interval, args)
    if not args.provider:
        print(translate("FinetuneCli", "Say where to train with --provider (or follow an earlier "
                                       "job with --follow JOB)."), file=sys.stderr)
        return EXIT_USAGE
    refusal = tuning_refusal(provider_info(args.provider))
    if refusal is not None:
        print(str(refusal), file=sys.stderr)
        return 1
    # A wrong address option stops here, before a snapshot is frozen or anything is sent.
    addresses = address_overrides(args.provider, ("base_url", "endpoint"),
                                  base_url=args.base_url, endpoint=args.endpoint)
    args.model = args.model or provider_info(args.provider).default_model
    if not args.model:
        print(translate("FinetuneCli", "Say which base model to tune with --model."),
              file=sys.stderr)
        return EXIT_USAGE
    with Project.open(args.project) as project:
        jobs.mark_interrupted(project)
        if args.snapshot:
            snapshot = export.get_snapshot(project, int(args.snapshot) if args.snapshot.isdigit()
                                           else args.snapshot)
        else:
            snapshot, created = export.freeze_or_reuse(project)
            print((translate("FinetuneCli", "Froze snapshot “{name}” ({n} pairs).") if created
                   else translate("FinetuneCli", "Using snapshot “{name}” ({n} pairs), which has "
                                                 "the same content.")).format(
                name=snapshot.name, n=snapshot.pair_count))
        if args.provider == "local":
            problem = _local_problem(args.model)
            if problem:
                print(problem, file=sys.stderr)
                return 1
            args.model = normalize_base_model(args.model)
            pre = local_preflight(project, snapshot.id, args.model)
        else:
            pre = export.preflight(project, snapshot.id, args.provider, args.model,
                                   epochs=args.epochs)
        if not pre.ok:
            print("\n".join(export.report_lines(pre.report)), file=sys.stderr)
            print(translate("FinetuneCli", "The dataset has errors the provider would reject; "
                                           "nothing was sent."), file=sys.stderr)
            pre.discard()
            return 1
        if not _confirmed(args, pre):
            pre.discard()
            return 1
        try:
            provider = build_provider(args.provider, **addresses)
        except BaseException:
            pre.discard()
            raise
        plan = jobs.LaunchPlan(args.provider, args.model, pre.train_path, pre.validation_path,
                               snapshot_id=snapshot.id,
                               display_name=args.name or snapshot.name,
                               hyperparameters=_hyperparameters(args),
                               keep_uploaded_data=args.keep_uploaded_data)
        if args.provider == "local":
            plan.hyperparameters.update(snapshot_id=snapshot.id, snapshot_name=snapshot.name)
        job_id, _changes = finetune.record_launch(project, plan)
        shown = [-1]

        def upload_progress(done: int, total: int) -> None:
            percent = int(done * 100 / total) if total else 100
            if percent // 25 != shown[0] // 25 or percent == 100 and shown[0] != 100:
                shown[0] = percent
                print(translate("FinetuneCli", "Uploading: {percent}%").format(percent=percent),
                      flush=True)

        # A local job copies its files on this computer: there is no upload to report.
        try:
            job, _changes = asyncio.run(finetune.launch(
                project, provider, job_id, plan,
                progress=None if args.provider == "local" else upload_progress))
        finally:
            pre.discard()  # sent (or refused): the training files are not needed here again
        print(translate("FinetuneCli", "Job #{id} started: {remote_id}").format(
            id=job.id, remote_id=job.remote_id), flush=True)
        if not args.wait:
            return 0
        return follow(project, provider, job_id, args.poll_interval)


def _confirmed(args: argparse.Namespace, pre: export.Preflight) -> bool:
    """Print what is about to be sent where, and ask (unless --yes) before anything leaves."""
    info = provider_info(args.provider)
    summary = launch_summary(info, pre, label=provider_label(args.provider),
                             country=country_name(info.country),
                             keep_uploaded_data=args.keep_uploaded_data)
    print("\n".join(summary.lines()), flush=True)
    if args.yes:
        return True
    if not sys.stdin or not sys.stdin.isatty():
        print(translate("FinetuneCli", "Nothing was sent: the launch needs a confirmation. Add "
                                       "--yes to launch without asking."), file=sys.stderr)
        return False
    answer = input(translate("FinetuneCli", "{question} [y/N] ").format(
        question=summary.question))
    # "д" (да) as well, for a Russian keyboard layout.
    if answer.strip().lower() in ("y", "yes", "д", "да"):
        return True
    print(translate("FinetuneCli", "Not launched; nothing was sent."), file=sys.stderr)
    return False


def _local_problem(model: str) -> str:
    """Why a local fine-tune cannot start here (the extra or the model), or ""."""
    from natasha_studio.local import INSTALL_COMMAND, missing_packages

    missing = missing_packages()
    if missing:
        return translate("FinetuneCli", "Local training is not installed (missing: {names}). "
                                        "Install it with: {command}").format(
            names=", ".join(missing), command=INSTALL_COMMAND)
    error = check_base_model(model)
    return f"{error.message} {error.hint}".strip() if error else ""


