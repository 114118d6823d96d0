from django.db import connection

HEADER = "X-Bench-Queries"


class QueryCountMiddleware:
    """Adds X-Bench-Queries: how many database queries the request cost, so the table shows
    `queries` per target (DEBUG is off: counted by a wrapper, not connection.queries)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counted(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counted):
            response = self.get_response(request)
        response[HEADER] = str(count)
        return response
