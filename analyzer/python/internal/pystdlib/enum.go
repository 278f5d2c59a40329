package pystdlib

// enum: Enum, IntEnum, StrEnum, Flag and IntFlag, with members in
// definition order, aliases, auto(), lookup by value and name, and the
// Flag operators.
func init() {
	models["enum"] = &model{src: enumSrc}
}

const enumSrc = `
class auto:
    def __init__(self):
        self.value = None

def _is_descriptor(v):
    return isinstance(v, (type(_is_descriptor), type(lambda: 0), property, classmethod, staticmethod))

def _excluded(cls_name, key):
    if len(key) > 4 and key[:2] == key[-2:] == '__':
        return True
    if len(key) > 2 and key[0] == key[-1] == '_' and key[1] != '_' and key[-2] != '_':
        return True
    return key.startswith('_' + cls_name.lstrip('_') + '__')

def _high_bit(value):
    return value.bit_length() - 1

class EnumType(type):
    def __new__(metacls, cls, bases, classdict, **kwds):
        members = []
        ignore = classdict.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        for key in list(classdict.keys()):
            value = classdict[key]
            if key in ignore or _excluded(cls, key) or _is_descriptor(value):
                continue
            members.append((key, value))
            del classdict[key]
        classdict.pop('_ignore_', None)
        enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        type.__setattr__(enum_class, '_member_names_', [])
        type.__setattr__(enum_class, '_member_map_', {})
        type.__setattr__(enum_class, '_value2member_map_', {})
        type.__setattr__(enum_class, '_all_members_', [])
        mixin = enum_class._mixin_()
        # A mix-in data type's repr, str and format do not hide the enum's.
        for meth in ('__repr__', '__str__', '__format__'):
            if meth in classdict:
                continue
            for base in enum_class.__mro__[1:]:
                if isinstance(base, EnumType) and meth in base.__dict__:
                    if getattr(enum_class, meth) is not base.__dict__[meth]:
                        type.__setattr__(enum_class, meth, base.__dict__[meth])
                    break
        is_flag = issubclass(enum_class, Flag) if 'Flag' in globals() else False
        last_values = []
        for name, value in members:
            if isinstance(value, auto):
                value = enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
            last_values.append(value)
            args = value if isinstance(value, tuple) else (value,)
            if mixin is object:
                member = object.__new__(enum_class)
                member._value_ = value
            elif mixin is str and issubclass(enum_class, StrEnum):
                if not isinstance(value, str):
                    raise TypeError('%r is not a string' % (value,))
                member = str.__new__(enum_class, value)
                member._value_ = value
            else:
                member = mixin.__new__(enum_class, *args)
                member._value_ = mixin(*args)
            member._name_ = name
            alias = None
            for existing in enum_class._all_members_:
                if existing._value_ == member._value_:
                    alias = existing
                    break
            if alias is not None:
                member = alias
            elif is_flag and (not member._value_ or member._value_ & (member._value_ - 1)):
                enum_class._all_members_.append(member)
            else:
                enum_class._all_members_.append(member)
                enum_class._member_names_.append(name)
            enum_class._member_map_[name] = member
            enum_class._value2member_map_.setdefault(member._value_, member)
            type.__setattr__(enum_class, name, member)
        return enum_class

    def _mixin_(cls):
        for base in cls.__mro__:
            if base in (int, str, float):
                return base
        return object

    def __iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    def __reversed__(cls):
        return reversed([cls._member_map_[n] for n in cls._member_names_])

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __call__(cls, value, *args, **kwds):
        if args or kwds or cls._member_map_ == {} and not hasattr(cls, '_all_members_'):
            raise TypeError('functional Enum API is not modelled')
        if isinstance(value, cls):
            return value
        found = cls._value2member_map_.get(value)
        if found is not None:
            return found
        return cls._missing_(value)

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if 'Flag' in globals() and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __bool__(cls):
        return True

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name,))
        type.__setattr__(cls, name, value)

EnumMeta = EnumType

class Enum(metaclass=EnumType):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        return last_values[-1] + 1

    @classmethod
    def _missing_(cls, value):
        raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))

    def __repr__(self):
        v_repr = type(self)._mixin_().__repr__ if type(self)._mixin_() is not object else repr
        return '<%s.%s: %s>' % (type(self).__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return '%s.%s' % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

class ReprEnum(Enum):
    def __str__(self):
        return type(self)._mixin_().__str__(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

class IntEnum(int, ReprEnum):
    pass

class StrEnum(str, ReprEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start
        return 2 ** (_high_bit(max(last_values)) + 1)

    @classmethod
    def _flag_mask_(cls):
        mask = 0
        for m in cls._all_members_:
            mask |= m._value_
        return mask

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        mask = cls._flag_mask_()
        if value < 0:
            value = value & mask if not issubclass(cls, int) else value
        if not issubclass(cls, int) and value & ~mask:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        mixin = cls._mixin_()
        if mixin is object:
            member = object.__new__(cls)
        else:
            member = mixin.__new__(cls, value)
        member._value_ = value
        names = []
        bit = 1
        rest = value
        while bit <= value:
            if value & bit and bit in cls._value2member_map_:
                names.append(cls._value2member_map_[bit]._name_)
                rest &= ~bit
            bit <<= 1
        member._name_ = '|'.join(names) if names else None
        if rest and names:
            member._name_ += '|' + hex(rest)
        cls._value2member_map_[value] = member
        return member

    def __repr__(self):
        value = int.__repr__(self._value_)
        if self._name_ is None:
            return '<%s: %s>' % (type(self).__name__, value)
        return '<%s.%s: %s>' % (type(self).__name__, self._name_, value)

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (type(self).__name__, self._value_)
        return '%s.%s' % (type(self).__name__, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __or__(self, other):
        if isinstance(other, type(self)):
            other = other._value_
        elif not (isinstance(self, int) and isinstance(other, int)):
            return NotImplemented
        return type(self)(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, type(self)):
            other = other._value_
        elif not (isinstance(self, int) and isinstance(other, int)):
            return NotImplemented
        return type(self)(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, type(self)):
            other = other._value_
        elif not (isinstance(self, int) and isinstance(other, int)):
            return NotImplemented
        return type(self)(self._value_ ^ other)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        if isinstance(self, int) and not isinstance(self, Flag):
            return NotImplemented
        return type(self)(type(self)._flag_mask_() & ~self._value_)

class IntFlag(int, ReprEnum, Flag):
    __or__ = __ror__ = Flag.__or__
    __and__ = __rand__ = Flag.__and__
    __xor__ = __rxor__ = Flag.__xor__
    __invert__ = Flag.__invert__

    def __str__(self):
        return int.__repr__(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

def unique(enumeration):
    duplicates = [(name, member.name) for name, member in enumeration.__members__.items() if name != member.name]
    if duplicates:
        details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, details))
    return enumeration
`
