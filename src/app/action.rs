//! Every verb of the program, named for the user's intent. The names are the keys of
//! `[keys]` in config.toml. Each screen declares its own verbs with [`actions!`], which
//! also makes the list of them (so the list is complete by construction); this file only
//! names the verbs every screen shares and lists the screens' enums, one line each.
use super::backoffice::BackOfficeAction;
use super::console::ConsoleAction;
use super::followup::FollowUpAction;

/// Declare an enum of verbs with their config names: `ALL` and `name()` come with it.
macro_rules! actions {
    ($(#[$meta:meta])* $vis:vis enum $name:ident {
        $($(#[$vmeta:meta])* $variant:ident = $key:literal,)*
    }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $vis enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every verb, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The name used in config.toml's `[keys]` table.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)*
                }
            }
        }
    };
}
pub(crate) use actions;

actions! {
    /// Verbs that work the same on every screen.
    pub enum GlobalAction {
        Help = "help",
        Console = "console",
        BackOffice = "back_office",
        FollowUp = "follow_up",
        NextPane = "next_pane",
        PrevPane = "prev_pane",
        ToggleLang = "toggle_lang",
        SaveNow = "save_now",
        Quit = "quit",
        Lock = "lock",
    }
}

/// A verb of the program: a global one, or one of a screen's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Global(GlobalAction),
    Console(ConsoleAction),
    BackOffice(BackOfficeAction),
    FollowUp(FollowUpAction),
}

impl Action {
    /// Every verb of every screen.
    pub fn all() -> impl Iterator<Item = Action> {
        let global = GlobalAction::ALL.iter().map(|a| Action::Global(*a));
        let console = ConsoleAction::ALL.iter().map(|a| Action::Console(*a));
        let office = BackOfficeAction::ALL.iter().map(|a| Action::BackOffice(*a));
        let followup = FollowUpAction::ALL.iter().map(|a| Action::FollowUp(*a));
        global.chain(console).chain(office).chain(followup)
    }

    /// The name used in config.toml's `[keys]` table.
    pub fn name(self) -> &'static str {
        match self {
            Self::Global(a) => a.name(),
            Self::Console(a) => a.name(),
            Self::BackOffice(a) => a.name(),
            Self::FollowUp(a) => a.name(),
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::all().find(|a| a.name() == name)
    }
}

impl From<GlobalAction> for Action {
    fn from(a: GlobalAction) -> Self {
        Self::Global(a)
    }
}

impl From<BackOfficeAction> for Action {
    fn from(a: BackOfficeAction) -> Self {
        Self::BackOffice(a)
    }
}

impl From<FollowUpAction> for Action {
    fn from(a: FollowUpAction) -> Self {
        Self::FollowUp(a)
    }
}

impl From<ConsoleAction> for Action {
    fn from(a: ConsoleAction) -> Self {
        Self::Console(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_one_unique_name_that_reads_back() {
        let all: Vec<Action> = Action::all().collect();
        for a in &all {
            assert_eq!(Action::from_name(a.name()), Some(*a), "{a:?}");
        }
        let mut names: Vec<&str> = all.iter().map(|a| a.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len(), "two actions share a name");
    }
}
