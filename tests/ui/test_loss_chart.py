"""The loss chart: what it says with no series, and that the sentence fits its width."""

from __future__ import annotations


def test_the_empty_message_wraps_and_goes_once_there_are_losses(qapp):
    from natasha_studio.ui.finetune.loss_chart import LossChart

    chart = LossChart()
    chart.resize(420, 300)
    chart.show()
    text = ("Yandex AI Studio не сообщает потери (loss) во время обучения: за ходом следите "
            "по шагам в строке выше.")
    chart.set_series({}, text)
    qapp.processEvents()
    message = chart.message
    assert message.isVisible() and message.text() == text and not chart.chart().title()
    # The whole sentence fits: wrapped over lines inside the view, not cut at its edge.
    assert message.wordWrap() and message.width() <= chart.width()
    assert message.heightForWidth(message.width()) > message.fontMetrics().height()
    chart.set_series({"train_loss": [(1, 2.0), (2, 1.5)]})
    assert not message.isVisible() and set(chart.series) == {"train_loss"}
    chart.close()
