"""The screening app's permission names, defined once."""

VIEW_APPLICATION = "screening.view_application"
CHANGE_APPLICATION = "screening.change_application"
ADD_APPLICATION = "screening.add_application"
