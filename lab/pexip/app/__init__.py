"""Django app holding the lab's generated models (app label ``pexiplab``)."""
