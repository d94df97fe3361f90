"""The surveys app's permission names, defined once."""

VIEW_ROUND = "surveys.view_round"
ADD_ROUND = "surveys.add_round"
EXPORT_RESPONSES = "surveys.export_response"
