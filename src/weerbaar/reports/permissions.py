"""The reports app's permission names, defined once."""

VIEW_DRAFT = "reports.view_progressreport"
PUBLISH = "reports.publish_progressreport"
VIEW_EFFORT = "reports.view_effortseries"
CHANGE_EFFORT = "reports.change_effortseries"
