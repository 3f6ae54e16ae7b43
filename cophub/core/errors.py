class DomainError(Exception):
    """A rule of the domain was broken; the message is translated and shown to the user.

    `field` names the form field the message belongs to, when there is one. Views turn the error
    into a form error; the API answers it as an RFC 9457 problem with `status`, the message as its
    detail and `problem_members()` beside (see core.problems.install_problem_handlers).
    """

    status = 422

    def __init__(self, message, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def problem_members(self) -> dict:
        """The problem's members beyond the RFC's own: the field the message belongs to."""
        return {"field": self.field}

    def __str__(self):
        return str(self.message)
