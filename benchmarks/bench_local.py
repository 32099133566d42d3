#!/usr/bin/env python3
"""Local training and generation speed on this machine (prints figures; asserts nothing).

    python benchmarks/bench_local.py                      # a tiny model built on the spot
    python benchmarks/bench_local.py --shape qwen2-0.5b   # random weights, Qwen2-0.5B's shape
    python benchmarks/bench_local.py --model PATH         # a real model folder

Random weights of a given architecture train and generate at the same speed as the trained
ones, so the shape option measures what a 0.5B model costs on this machine without a download.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

SHAPES = {
    "tiny": dict(hidden_size=32, layers=2),
    "small": dict(hidden_size=256, layers=4),
    # Qwen2-0.5B: hidden 896, 24 layers, 14 heads (2 KV heads), MLP 4864, vocab 151,936.
    "qwen2-0.5b": dict(hidden_size=896, layers=24, heads=14, kv_heads=2, intermediate=4864,
                       vocab=151936),
}


def build(shape: str, folder: Path) -> Path:
    from fakes.tiny_model import SAMPLE_TEXTS, build_tiny_model

    spec = SHAPES[shape]
    path = build_tiny_model(folder, SAMPLE_TEXTS, hidden_size=spec["hidden_size"],
                            layers=spec["layers"])
    if "heads" in spec:
        from transformers import LlamaConfig, LlamaForCausalLM

        config = LlamaConfig.from_pretrained(str(path))
        config.num_attention_heads = spec["heads"]
        config.num_key_value_heads = spec["kv_heads"]
        config.intermediate_size = spec["intermediate"]
        config.vocab_size = spec["vocab"]
        LlamaForCausalLM(config).save_pretrained(str(path))
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shape", choices=sorted(SHAPES), default="tiny")
    parser.add_argument("--model", help="a model folder instead of a generated one")
    parser.add_argument("--steps", type=int, default=8)
    parser.add_argument("--batch-size", type=int, default=2)
    parser.add_argument("--max-length", type=int, default=256)
    parser.add_argument("--new-tokens", type=int, default=64)
    parser.add_argument("--device", default="auto")
    args = parser.parse_args()

    import torch

    from natasha_studio.local.config import TrainConfig
    from natasha_studio.local.generation import LocalChatModel
    from natasha_studio.local.training import resolve_device, train

    tmp = Path(tempfile.mkdtemp(prefix="bench-local-"))
    model = Path(args.model) if args.model else build(args.shape, tmp / "model")
    system = "Ты — Наташа, ведущая сообщества о медитации и личной трансформации."
    answer = ("Начните с трёх минут утром: сядьте удобно, закройте глаза и просто следите за "
              "дыханием. Через неделю добавьте ещё две минуты. ") * 4
    with (tmp / "train.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(64):
            messages = [{"role": "system", "content": system},
                        {"role": "user", "content": f"Вопрос номер {i}: как начать медитировать?"},
                        {"role": "assistant", "content": answer}]
            fh.write(json.dumps({"messages": messages}, ensure_ascii=False) + "\n")
    config = TrainConfig(base_model=str(model), train_file=str(tmp / "train.jsonl"),
                         output_dir=str(tmp / "out"), batch_size=args.batch_size,
                         max_length=args.max_length, max_steps=args.steps, epochs=100,
                         device=args.device)
    metrics = []
    started = time.perf_counter()
    train(config, lambda e: metrics.append(e) if e.get("type") == "metrics" else None,
          lambda: False)
    train_seconds = time.perf_counter() - started
    device = resolve_device(args.device)
    steady = [m["tokens_per_second"] for m in metrics[len(metrics) // 2:]]
    params = sum(p.numel() for p in __import__("transformers").AutoModelForCausalLM
                 .from_pretrained(str(model)).parameters())

    chat = LocalChatModel(None, str(tmp / "out" / "adapter"), args.device)
    messages = [{"role": "system", "content": system},
                {"role": "user", "content": "Как начать медитировать?"}]
    prompt = chat.tokenizer.apply_chat_template(messages, tokenize=False,
                                                add_generation_prompt=True)
    inputs = chat.tokenizer(prompt, return_tensors="pt", add_special_tokens=False).to(chat.device)

    def generate(n: int) -> float:
        # Exactly n new tokens (random weights may pick ids the small tokenizer cannot spell,
        # so tokens are counted, not decoded text).
        begin = time.perf_counter()
        with torch.no_grad():
            chat.model.generate(**inputs, max_new_tokens=n, min_new_tokens=n, do_sample=False,
                                pad_token_id=chat.tokenizer.pad_token_id)
        return time.perf_counter() - begin

    generate(2)  # warm-up
    first = generate(1)
    gen_seconds = generate(args.new_tokens)
    generated = args.new_tokens
    print(f"machine: torch {torch.__version__}, device {device}, "
          f"{torch.get_num_threads()} CPU threads")
    print(f"model: {args.model or args.shape} ({params / 1e6:.1f}M parameters)")
    print(f"training: {len(metrics)} steps of batch {args.batch_size} x up to "
          f"{args.max_length} tokens in {train_seconds:.1f} s (with loading)")
    print(f"training speed: {sum(steady) / max(len(steady), 1):,.0f} tokens/s "
          f"(steady state, second half of the steps)")
    print(f"generation: {generated} tokens in {gen_seconds:.2f} s = "
          f"{generated / gen_seconds:,.1f} tokens/s; first token after {first:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
