package pyrt

import (
	"fmt"
	"strings"
)

// Position is a place in a source file: 1-based line and column (in code
// points).
type Position struct {
	File      string
	Line, Col int
}

// String formats the position as file:line:col.
func (p Position) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// IsValid reports whether the position is set.
func (p Position) IsValid() bool { return p.Line > 0 }

// Exception is a raised Python exception, which except clauses can catch.
// Pos is where it was raised; Traceback holds the call sites it unwound
// through, innermost first.
type Exception struct {
	Value     *Instance
	Pos       Position
	Traceback []Position
}

// NewException returns an exception of class cls with args.
func NewException(cls *Class, args ...Value) *Exception {
	return &Exception{Value: &Instance{Class: cls, Dict: NewNamespace(), Payload: Tuple(args)}}
}

// Error returns "file:line:col: Class: message".
func (e *Exception) Error() string {
	msg := e.Value.Class.Name
	if s := e.Message(); s != "" {
		msg += ": " + s
	}
	if e.Pos.IsValid() {
		return e.Pos.String() + ": " + msg
	}
	return msg
}

// Message is str() of the exception.
func (e *Exception) Message() string {
	s, err := exceptionStr(nil, e.Value)
	if err != nil {
		return "<exception str() failed>"
	}
	return s
}

// Class returns the exception's class.
func (e *Exception) Class() *Class { return e.Value.Class }

// Fatal is an error the interpreter reports without letting Python code
// catch it: a step budget or recursion limit exceeded, an unknown value
// used where it matters, an unsupported construct.
type Fatal struct {
	Pos Position
	Msg string
	// Runaway is set when the step budget ran out.
	Runaway bool
}

func (e *Fatal) Error() string {
	if e.Pos.IsValid() {
		return e.Pos.String() + ": " + e.Msg
	}
	return e.Msg
}

func fatalf(format string, args ...any) *Fatal {
	return &Fatal{Msg: fmt.Sprintf(format, args...)}
}

func excf(cls *Class, format string, args ...any) *Exception {
	return NewException(cls, Str(fmt.Sprintf(format, args...)))
}

func typeErrorf(format string, args ...any) *Exception {
	return excf(TypeErrorClass, format, args...)
}

func valueErrorf(format string, args ...any) *Exception {
	return excf(ValueErrorClass, format, args...)
}

// exceptionArgs returns an exception instance's args.
func exceptionArgs(o *Instance) Tuple {
	if t, ok := o.Payload.(Tuple); ok {
		return t
	}
	return nil
}

// exceptionStr is str() of an exception without user __str__.
// exceptionStr is str() of an exception; with a nil th, user-defined
// __str__ and __repr__ of its arguments are not called.
func exceptionStr(th *Thread, o *Instance) (string, error) {
	args := exceptionArgs(o)
	if o.Class.IsSubclass(OSErrorClass) && (len(args) == 2 || len(args) == 3) {
		code, err := ToStr(th, args[0])
		if err != nil {
			return "", err
		}
		msg, err := ToStr(th, args[1])
		if err != nil {
			return "", err
		}
		s := "[Errno " + code + "] " + msg
		if len(args) == 3 {
			f, err := Repr(th, args[2])
			if err != nil {
				return "", err
			}
			s += ": " + f
		}
		return s, nil
	}
	if o.Class.IsSubclass(KeyErrorClass) && len(args) == 1 {
		return Repr(th, args[0])
	}
	switch len(args) {
	case 0:
		return "", nil
	case 1:
		return ToStr(th, args[0])
	}
	return Repr(th, args)
}

func exceptionRepr(th *Thread, o *Instance) (string, error) {
	args := exceptionArgs(o)
	if len(args) == 1 {
		s, err := Repr(th, args[0])
		if err != nil {
			return "", err
		}
		return o.Class.Name + "(" + s + ")", nil
	}
	parts := make([]string, len(args))
	for i, a := range args {
		s, err := Repr(th, a)
		if err != nil {
			return "", err
		}
		parts[i] = s
	}
	return o.Class.Name + "(" + strings.Join(parts, ", ") + ")", nil
}
