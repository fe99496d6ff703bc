//! `scour rules`: what each rule does, with an example.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// A rule id (`normalize/punct-width`) to explain.
    id: Option<String>,
}

pub fn run(args: RulesArgs) -> Result<ExitCode, String> {
    let Some(id) = args.id else {
        let width = scour::rules::all().map(|r| r.id.len()).max().unwrap_or(0);
        for rule in scour::rules::all() {
            println!("{:width$}  {}", rule.id, rule.summary);
        }
        return Ok(ExitCode::SUCCESS);
    };
    let rule = scour::rules::find(&id)
        .ok_or_else(|| format!("no rule '{id}'; `scour rules` lists them"))?;
    let (input, output) = rule.example;
    println!("{}\n\n{}\n\n{}\n", rule.id, rule.summary, rule.explanation);
    // The corpus rules act across articles: one article makes no example.
    if !input.is_empty() {
        println!("Example input:\n{}", indent(input));
        println!("Cleaned:\n{}", indent(output));
    }
    Ok(ExitCode::SUCCESS)
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    {l}\n")).collect()
}
