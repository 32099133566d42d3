"""A tiny causal language model built on the spot, so local training tests download nothing.

A byte-level BPE tokenizer is trained on the given texts, a two-layer Llama with random
weights is created, and both are saved as a normal Hugging Face model folder with a chat
template, exactly what a real downloaded model looks like to the local provider.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)

SAMPLE_TEXTS = [
    "Как начать медитировать, если совсем нет времени?",
    "Начните с трёх минут утром: сядьте удобно и просто следите за дыханием.",
    "Наташа, что делать, если после практики болит голова?",
    "Сделайте перерыв, выпейте воды и вернитесь к практике через день, мягче.",
    "Как работать с энергией денег?",
    "Замечайте, где вы говорите себе «мне не хватает», и меняйте это на благодарность.",
    "Спасибо за ответ! А как быть с отношениями с мамой?",
    "Начните с того, чтобы поблагодарить её за жизнь, даже если сейчас трудно.",
    "How do I start meditating when I have no time?",
    "Start with three minutes in the morning and follow your breath.",
]


def build_tiny_model(folder: Path, texts: Iterable[str] = SAMPLE_TEXTS, *,
                     hidden_size: int = 32, layers: int = 2, seed: int = 0) -> Path:
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    specials = ["<unk>", "<pad>", "<s>", "<|im_start|>", "<|im_end|>"]
    tokenizer = Tokenizer(models.BPE(unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=600, special_tokens=specials,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tokenizer.train_from_iterator(list(texts) * 4, trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tokenizer, unk_token="<unk>",
                                   pad_token="<pad>", bos_token="<s>", eos_token="<|im_end|>")
    fast.chat_template = CHAT_TEMPLATE
    config = LlamaConfig(
        vocab_size=len(fast), hidden_size=hidden_size, intermediate_size=hidden_size * 2,
        num_hidden_layers=layers, num_attention_heads=4, num_key_value_heads=2,
        max_position_embeddings=1024, bos_token_id=fast.bos_token_id,
        eos_token_id=fast.eos_token_id, pad_token_id=fast.pad_token_id,
    )
    torch.manual_seed(seed)
    LlamaForCausalLM(config).save_pretrained(str(folder))
    fast.save_pretrained(str(folder))
    return folder
