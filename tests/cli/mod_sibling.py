value = "sibling module"
