try:
    raise BaseExceptionGroup("mixed", [KeyboardInterrupt(), ValueError(1)])
except* ValueError:
    pass
