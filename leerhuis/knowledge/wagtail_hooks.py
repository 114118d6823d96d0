from wagtail import hooks

from leerhuis.core import home
from leerhuis.knowledge.home import home_section

hooks.register(home.HOOK, home_section)
