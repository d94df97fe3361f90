"""The prevention app's permission names, defined once."""

VIEW_REQUEST = "prevention.view_busrequest"
DECIDE = "prevention.decide_busrequest"
VIEW_PLAN = "prevention.view_tourplan"
PLAN = "prevention.plan_tour"
VIEW_COVENANT = "prevention.view_covenant"
ADD_COVENANT = "prevention.add_covenant"
CHANGE_COVENANT = "prevention.change_covenant"
