"""The window's content sections: each is a QWidget built from an AppContext."""
