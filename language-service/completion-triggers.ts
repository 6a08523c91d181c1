// The characters after which an editor asks for completion by itself. Apart
// from completion.ts so an editor's page can name them without loading the service.
export const completionTriggerCharacters = ['"', " ", "."];
