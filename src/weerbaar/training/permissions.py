"""The training app's permission names, defined once. Doing a scenario needs no
permission: every active official with an organisation may train."""

VIEW_COMPLETION = "training.view_completion"
CHANGE_REQUIREMENT = "training.change_requirement"
ADD_REQUIREMENT = "training.add_requirement"
