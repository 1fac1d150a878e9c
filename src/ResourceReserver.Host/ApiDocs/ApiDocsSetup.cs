using Microsoft.AspNetCore.OpenApi;

namespace ResourceReserver.Host.ApiDocs;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: what it says beyond what the generator sees.</summary>
public static class ApiDocsSetup
{
    /// <summary>Adds the document's description, security, problem answers, schema shapes, texts and examples.</summary>
    public static OpenApiOptions AddReserverDocument(this OpenApiOptions options)
    {
        options.AddDocumentTransformer<DocumentShape>();
        options.AddDocumentTransformer<SecuritySchemes>();
        options.AddOperationTransformer<SecuritySchemes>();
        options.AddDocumentTransformer<ProblemResponses>();
        options.AddOperationTransformer<ProblemResponses>();
        options.AddOperationTransformer<OperationTexts>();
        options.AddOperationTransformer<RequestExamples>();
        options.AddOperationTransformer<DeprecatedOperations>();
        options.AddSchemaTransformer<SchemaShapes>();
        return options;
    }
}
