"""What happens to an opgave, announced to the page (htmx events)."""

# Announced after every change to an opgave on its hub; the hub's history listens for it
# and reloads itself, whichever app's section made the change.
OPGAVE_GEWIJZIGD = "opgave-gewijzigd"
