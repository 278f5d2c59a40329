// Package python is the Python front end: it reads a service's modules
// statically, computes what importing them computes in the Aster runtime
// (module execution, decorators, dataclass fields, annotations, enums,
// wire tags, inline request classes) and returns the service's contract
// model and manifest descriptors. It runs no Python; what it cannot
// determine from the sources is a positioned error. The semantics it
// implements are described in docs/python.md.
package python
