import logging

log = logging.getLogger(__name__)
log.info("starting %s", "x")
log.debug("d")
logging.basicConfig(level=logging.INFO)
child = log.getChild("sub")
same = logging.getLogger(__name__) is log
levels = (logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL)
names = (log.name, child.name, repr(log), repr(logging.getLogger()), logging.getLevelName(logging.ERROR))
del logging, log, child
