"""Articles as Rich ``Text``: shared by ``ossetia-reader show`` and the reading pane."""
