"""The checks of accounts.permissions for templates: `{% if user|is_secretariat %}`."""

from django import template

from cophub.accounts import permissions

register = template.Library()

register.filter("is_secretariat", permissions.is_secretariat)
register.filter("is_delegate", permissions.is_delegate)
