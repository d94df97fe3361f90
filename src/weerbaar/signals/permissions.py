"""The signals app's permission names, defined once."""

VIEW_SIGNAL = "signals.view_signal"
ADD_SIGNAL = "signals.add_signal"
CHANGE_SIGNAL = "signals.change_signal"
SHARE_SIGNAL = "signals.add_signalshare"
