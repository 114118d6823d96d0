from django.apps import AppConfig


class BenchConfig(AppConfig):
    name = "leerhuis.bench"
    label = "bench"
    verbose_name = "Prestatiemeting"
