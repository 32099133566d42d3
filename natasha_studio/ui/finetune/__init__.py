"""The Fine-tune tab: launch a job from a snapshot and follow it to the tuned model."""
