/// The whole-course changes and reviews every build runs, in order: the home page's title and glossary
/// links first (they change pages), then the reviews that only report (freshness, quiz lint).
public enum CourseTransforms {
    public static var all: [any SiteTransform] { [HomeTitleFromCourse(), QuizVariables(), GlossaryLinker(), FreshnessCheck(), QuizLint()] }
}
