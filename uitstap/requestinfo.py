"""Who is asking, for logs and audit events: request id and client IP of the current request."""

import contextvars
import logging

# Set by RequestIdMiddleware so services can log IP and request id without a request argument.
current_request_info: contextvars.ContextVar[dict] = contextvars.ContextVar("audit_request_info", default={})


class RequestIdLogFilter(logging.Filter):
    def filter(self, record):
        record.request_id = current_request_info.get().get("request_id", "-")
        return True
