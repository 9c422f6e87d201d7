"""A token-classification model (e.g. a fine-tuned CAMeLBERT) from a local directory as the tagger's backend.

Needs the ``ner-transformer`` extra (transformers, torch). Never downloads: the directory must hold the
model's config, weights and tokenizer. Each word takes the label of its first sub-word; labels are the
model's own (``id2label`` of its config) and are read as BIO tags (B-PERS, I-LOC, ...).
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from isnad.errors import DataError

MAX_LENGTH = 512


class TransformerTagger:
    """Tags a sentence's words with a local token-classification model: each word gets the label of its first
    sub-word; words past its length limit (512 sub-words) stay "O".

    Raises DataError when the extra is not installed or the directory holds no usable model.
    """

    source = "transformer"

    def __init__(self, directory: Path) -> None:
        try:
            import torch
            from transformers import AutoModelForTokenClassification, AutoTokenizer
        except ImportError as e:
            raise DataError(
                "a transformer model needs the ner-transformer extra: pip install 'isnad[ner-transformer]'"
            ) from e
        if not (directory / "config.json").is_file():
            raise DataError(f"{directory} does not hold a model (no config.json)")
        self.torch = torch
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(str(directory), local_files_only=True)
            self.model = AutoModelForTokenClassification.from_pretrained(str(directory), local_files_only=True)
        except (OSError, ValueError) as e:
            raise DataError(f"cannot load the model in {directory}: {e}") from e
        if not getattr(self.tokenizer, "is_fast", False):
            raise DataError(f"the tokenizer in {directory} must be a fast tokenizer (it maps sub-words to words)")
        self.model.eval()
        self.labels = {int(i): str(label) for i, label in self.model.config.id2label.items()}

    def __call__(self, words: Sequence[str]) -> list[str]:
        if not words:
            return []
        enc = self.tokenizer(list(words), is_split_into_words=True, truncation=True, max_length=MAX_LENGTH,
                             return_tensors="pt")
        with self.torch.no_grad():
            best = self.model(**enc).logits[0].argmax(-1).tolist()
        tags = ["O"] * len(words)  # words cut off by the length limit stay untagged
        seen: set[int] = set()
        for position, word in enumerate(enc.word_ids(0)):
            if word is not None and word not in seen:
                seen.add(word)
                tags[word] = self.labels.get(best[position], "O")
        return tags
