"""Style fidelity: how much each model sounds like the persona, over many held-out questions.

Pure scoring, no network and no Qt: ``profile`` learns the persona's habits from her approved
answers, ``axes`` scores one answer on each axis, ``aggregate`` turns the answers of a model
into one score with a confidence interval, ``judge`` builds and reads pairwise verdicts, and
``storage`` keeps the runs in the project. Asking the models is done by
``core.chat.fidelity``.
"""
