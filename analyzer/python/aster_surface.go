package python

// The public surface of the aster package at release 0.2.0, kept as data in
// this one file: which modules exist, which names each exports, and the
// source of aster's own dataclasses that can reach a contract (their real
// fields, annotations and defaults, read like user sources).

// asterVersion is the aster release whose surface this file describes.
const asterVersion = "0.2.0"

// asterModules are aster 0.2.0's modules. A module listed with names
// exports exactly those names (importing another one fails as it does at
// run time); a module listed with nil names is importable, and its
// attributes other than the modelled ones (knownAttrs) are opaque.
var asterModules = map[string][]string{
	"aster": {
		"VERSION", "__version__", "IrohError", "BlobNotFound", "DocNotFound", "ConnectionError",
		"TicketError", "IrohNode", "BlobsClient", "BlobStatusResult", "BlobObserveResult",
		"BlobLocalInfo", "TagInfo", "blobs_client", "DocsClient", "DocHandle", "DocEntry", "DocEvent",
		"DocEventReceiver", "DocDownloadPolicy", "docs_client", "GossipClient", "GossipTopicHandle",
		"gossip_client", "NodeAddr", "EndpointConfig", "ConnectionInfo", "TransportSnapshot",
		"RemoteInfo", "NetClient", "IrohConnection", "IrohSendStream", "IrohRecvStream", "net_client",
		"create_endpoint", "create_endpoint_with_config", "load_endpoint_config", "HookConnectInfo",
		"HookHandshakeInfo", "HookDecision", "HookReceiver", "HookRegistration", "HookManager",
		"NodeHookReceiver", "NodeHookDecisionSender", "AsterTicket", "NamespaceCapability",
		"HpkeEnvelope", "namespace_secret_id", "hpke_envelope_alg", "hpke_generate_keypair",
		"hpke_public_key_from_private", "hpke_seal", "hpke_open", "StatusCode", "RpcError", "RpcScope",
		"SerializationMode", "RetryPolicy", "ExponentialBackoff", "COMPRESSED", "TRAILER", "HEADER",
		"ROW_SCHEMA", "CALL", "CANCEL", "MAX_FRAME_SIZE", "FramingError", "write_frame", "read_frame",
		"StreamHeader", "CallHeader", "RpcStatus", "wire_type", "Metadata", "describe", "Description",
		"ForyCodec", "ForyConfig", "DEFAULT_COMPRESSION_THRESHOLD", "Transport", "BidiChannel",
		"TransportError", "ConnectionLostError", "IrohTransport", "LocalTransport", "service", "rpc",
		"server_stream", "client_stream", "bidi_stream", "RpcPattern", "ServiceInfo", "MethodInfo",
		"ServiceRegistry", "get_default_registry", "set_default_registry", "Server", "ServerError",
		"ServiceNotFoundError", "MethodNotFoundError", "SerializationModeError", "ServiceClient",
		"create_client", "create_local_client", "ClientError", "ClientTimeoutError", "CallContext",
		"Interceptor", "DeadlineInterceptor", "AuthInterceptor", "RetryInterceptor",
		"CircuitBreakerInterceptor", "AuditLogInterceptor", "MetricsInterceptor", "AsterConfig",
		"AsterServer", "AsterClient", "ClientSession", "AdmissionDeniedError", "RPC_ALPN", "any_of",
		"all_of", "HealthServer", "check_health", "check_ready", "metrics_snapshot",
	},
	// A module's attributes include every name it imports, so the other
	// modules are not listed name by name: their modelled names resolve,
	// the others are opaque.
	"aster.decorators": nil, "aster.codec": nil, "aster.metadata": nil, "aster.rpc_types": nil,
	"aster.capabilities": nil, "aster.interceptors": nil, "aster.interceptors.base": nil,
	"aster.client": nil, "aster.config": nil, "aster.contract": nil, "aster.contract.identity": nil,
	"aster.contract.manifest": nil, "aster.contract.publication": nil, "aster.dynamic": nil,
	"aster.framing": nil, "aster.health": nil, "aster.high_level": nil, "aster.inline_params": nil,
	"aster.interceptors.audit": nil, "aster.interceptors.auth": nil, "aster.interceptors.capability": nil,
	"aster.interceptors.circuit_breaker": nil, "aster.interceptors.compression": nil,
	"aster.interceptors.deadline": nil, "aster.interceptors.metrics": nil,
	"aster.interceptors.rate_limit": nil, "aster.interceptors.retry": nil, "aster.json_codec": nil,
	"aster.limits": nil, "aster.logging": nil, "aster.peer_store": nil, "aster.protocol": nil,
	"aster.public": nil, "aster.registry": nil, "aster.registry.acl": nil, "aster.registry.client": nil,
	"aster.registry.gossip": nil, "aster.registry.keys": nil, "aster.registry.models": nil,
	"aster.registry.publisher": nil, "aster.runtime": nil, "aster.server": nil, "aster.service": nil,
	"aster.session": nil, "aster.status": nil, "aster.testing": nil, "aster.testing.harness": nil,
	"aster.transport": nil, "aster.transport.base": nil, "aster.transport.iroh": nil,
	"aster.transport.local": nil, "aster.trust": nil, "aster.trust.admission": nil,
	"aster.trust.bootstrap": nil, "aster.trust.consumer": nil, "aster.trust.credentials": nil,
	"aster.trust.delegated": nil, "aster.trust.drift": nil, "aster.trust.gossip": nil,
	"aster.trust.hooks": nil, "aster.trust.iid": nil, "aster.trust.mesh": nil, "aster.trust.nonces": nil,
	"aster.trust.rcan": nil, "aster.trust.signing": nil, "aster.tunnel": nil, "aster.types": nil,
}

// asterClasses maps the canonical name of each aster dataclass to the
// module that defines it (a key of asterSources).
var asterClasses = map[string]string{
	"aster.CallContext":        "aster.interceptors.base",
	"aster.RetryPolicy":        "aster.rpc_types",
	"aster.ExponentialBackoff": "aster.rpc_types",
	"aster.Metadata":           "aster.metadata",
}

// asterSources are aster's dataclasses, module by module, as Python that
// the loader executes: field names, annotations and defaults as aster
// 0.2.0 declares them (every module uses the __future__ import, so its
// annotations are strings resolved in that module).
var asterSources = map[string]string{
	"aster.interceptors.base": `from __future__ import annotations
from dataclasses import dataclass, field

@dataclass
class CallContext:
    service: str
    method: str
    call_id: str = field(default_factory=lambda: "")
    session_id: str | None = None
    peer: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, str] = field(default_factory=dict)
    deadline: float | None = None
    is_streaming: bool = False
    pattern: str | None = None
    idempotent: bool = False
    attempt: int = 1
`,
	"aster.rpc_types": `from __future__ import annotations
from dataclasses import dataclass, field

@dataclass
class ExponentialBackoff:
    initial_ms: int = 100
    max_ms: int = 30_000
    multiplier: float = 2.0
    jitter: float = 0.1

@dataclass
class RetryPolicy:
    max_attempts: int = 3
    backoff: ExponentialBackoff = field(default_factory=ExponentialBackoff)
`,
	"aster.metadata": `from __future__ import annotations
from dataclasses import dataclass, field
from aster.codec import wire_type

@wire_type("_aster/Metadata")
@dataclass
class Metadata:
    description: str = ""
    tags: list[str] = field(default_factory=list)
    deprecated: bool = False
    since_version: int | None = None
`,
}
