package cli

// pending lists the commands of the documented tree that have no
// implementation yet; each answers "not implemented yet" with exit 2.
var pending = []string{
	"contract gen", "contract check", "contract diff", "contract export", "contract verify",
	"trust keygen root", "trust keygen pubkey", "trust sign consumer", "trust sign producer", "trust verify",
	"enroll node",
	"profile create", "profile list", "profile use", "profile show", "profile delete",
	"config show",
}
