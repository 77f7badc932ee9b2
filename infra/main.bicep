// Better Care Fund returns: the Azure resources for one environment, in one resource group.
//
// A Flex Consumption Function App runs the isolated worker (the BetterCare.Functions app, with
// Durable Functions on its Azure Storage task hub). It reaches storage, Key Vault and
// Application Insights with a user-assigned managed identity: no connection strings and no
// account keys. The Event Grid subscription that drives the inbox blob trigger is declared
// here too, but needs the blob extension's webhook key, which exists only once the app package
// runs: deploy once, publish the package, then deploy again with subscribeInbox=true (README.md).

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

@description('Azure region for every resource. Must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Short prefix of the resource names (lowercase letters, digits and hyphens).')
@minLength(2)
@maxLength(20)
param namePrefix string = 'bettercare'

@description('Tags applied to every resource.')
param tags object = {
  application: 'better-care-fund-returns'
}

@description('Flex Consumption: the most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Flex Consumption: memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Redundancy of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSku string = 'Standard_LRS'

@description('Days Log Analytics keeps the logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@secure()
@description('Key that signs the sign-off links (HMAC), written to the Key Vault secret signoff-token-key. Leave empty to keep the secret as it is.')
param signOffTokenKey string = ''

@description('The address people reach the app at, for links in emails. Empty means the Function App\'s own https address.')
param publicBaseUrl string = ''

@description('SendGrid API key, written to the Key Vault secret sendgrid-api-key. Leave empty to keep the secret as it is (or set it later with az keyvault secret set).')
@secure()
param sendGridApiKey string = ''

@description('Folder of the reference CSVs (areas, partners, minimum contributions), relative to the app root or absolute.')
param referenceDirectory string = 'reference'

@description('Largest workbook upload accepted, in bytes.')
@minValue(1)
param maxUploadBytes int = 20971520

@description('Tries of each workflow step (an activity, retried by Durable Functions with a doubling wait) before the submission shows Failed.')
@minValue(1)
param maxAttempts int = 5

@description('How long the inbox sweep leaves a blob it has just seen before looking at it again (TimeSpan, hh:mm:ss).')
param restartStalledAfter string = '00:02:00'

@description('Subscribe the inbox blob trigger to the storage account\'s blob-created events. False on the first deployment: the webhook key exists only once the app package runs.')
param subscribeInbox bool = false

@description('NCRONTAB schedule (six fields, UTC) of the InboxSweep timer function.')
param inboxSweepSchedule string = '0 */5 * * * *'

@description('NCRONTAB (six fields, UTC) of the Periods timer: starts the orchestration of each period with a deadline ahead (it also runs at start-up; starting a running one is a no-op).')
param periodsSchedule string = '0 0 5 * * *'

@description('An API key the app accepts (configuration section BetterCare:ApiKeys).')
type apiKeyType = {
  @description('Who holds the key, as shown in logs.')
  name: string

  @description('What the holder may do.')
  role: 'HwbLead' | 'RegionalManager' | 'National' | 'Admin'

  @description('The HWB code for an HWB lead, the region for a regional manager; omit for National and Admin.')
  scope: string?

  @description('The key itself. It is stored as the Key Vault secret api-key-{index}; the app setting is a reference to it.')
  @secure()
  key: string
}

@description('API keys of the people and systems that call the app. Pass them on every deployment (the app settings are replaced as a whole).')
param apiKeys apiKeyType[] = []

@description('More app settings (name to value), merged over the ones this template sets. Never put secrets here: use Key Vault references.')
param additionalAppSettings object = {}

@description('Client id of the Microsoft Entra ID app registration people sign in with (App Service Authentication).')
param entraClientId string

@description('Tenant of that app registration.')
param entraTenantId string = subscription().tenantId

@secure()
@description('Client secret of that app registration, written to the Key Vault secret entra-client-secret. Leave empty to keep the secret as it is.')
param entraClientSecret string = ''

@description('A person signed in with Entra ID, by the name App Service Authentication gives them (configuration section BetterCare:Principals).')
type principalType = {
  @description('The signed-in name (the name claim), e.g. an email address.')
  name: string

  @description('What they may do.')
  role: 'HwbLead' | 'RegionalManager' | 'National' | 'Admin'

  @description('The HWB code for an HWB lead, the region for a regional manager; omit for National and Admin.')
  scope: string?
}

@description('The people who may use the pages once signed in, with their role. Anyone else signed in sees nothing.')
param principals principalType[] = []

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

// The containers and tables the app uses: keep in step with
// src/BetterCare.Infrastructure/StorageNames.cs (a test checks every name there is declared here).
// The task hub makes its own queues, tables and lease container (hence the queue role below).
var blobContainerNames = [
  'returns-inbox'
  'returns-archive'
  'reports'
]
var tableNames = [
  'Submissions'
  'ReturnTotals'
  'Signatures'
  'SentMail'
  'Rollups'
]

// The container the inbox blob trigger watches (Event Grid subscription filter).
var inboxContainerName = 'returns-inbox'

// Flex Consumption keeps the deployed app package in this container.
var deploymentContainerName = 'app-package'

var sendGridSecretName = 'sendgrid-api-key'
var entraSecretName = 'entra-client-secret'
var signOffKeySecretName = 'signoff-token-key'

var token = toLower(uniqueString(subscription().id, resourceGroup().id, location, namePrefix))
var compactPrefix = take(replace(toLower(namePrefix), '-', ''), 9)
var storageAccountName = 'st${compactPrefix}${token}'
var keyVaultName = 'kv${compactPrefix}${token}'
var functionAppName = '${namePrefix}-func-${token}'
var planName = '${namePrefix}-plan-${token}'
var identityName = '${namePrefix}-id-${token}'
var logAnalyticsName = '${namePrefix}-log-${token}'
var appInsightsName = '${namePrefix}-appi-${token}'
var systemTopicName = '${namePrefix}-evgt-${token}'

// Built-in role definitions (the ids are the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

var storageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

// ---------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: identityName
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------------------------
// Storage: containers and tables (the task hub adds its own); identity-only access
// ---------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = [
  for name in blobContainerNames: {
    parent: blobService
    name: name
    properties: {
      publicAccess: 'None'
    }
  }
]

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-06-01' = [
  for name in tableNames: {
    parent: tableService
    name: name
  }
]

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoles: {
    name: guid(storage.id, identity.id, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Blob-created events on the inbox reach the Function App through this system topic and the
// subscription below.
resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// The inbox blob trigger's events: blob-created in returns-inbox only, to the blob extension's
// webhook for the InboxBlob function. Its key is the host's blobs_extension system key, which
// the host creates when it first runs the package; hence the second deployment.
resource inboxSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = if (subscribeInbox) {
  parent: systemTopic
  name: 'inbox-blob-created'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.InboxBlob&code=${listKeys('${functionApp.id}/host/default', '2025-03-01').systemKeys.blobs_extension}'
        maxEventsPerBatch: 1
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${inboxContainerName}/blobs/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Monitoring: Log Analytics + Application Insights (Entra ID ingestion only)
// ---------------------------------------------------------------------------------------------

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: true
  }
}

resource appInsightsRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------
// Key Vault: SendGrid key and API keys, read by the app through Key Vault references
// ---------------------------------------------------------------------------------------------

resource keyVault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// Written only when a value is given, so a deployment without the key keeps the stored one.
resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(sendGridApiKey)) {
  parent: keyVault
  name: sendGridSecretName
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

resource entraSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(entraClientSecret)) {
  parent: keyVault
  name: entraSecretName
  properties: {
    value: entraClientSecret
    contentType: 'text/plain'
  }
}

resource signOffKeySecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(signOffTokenKey)) {
  parent: keyVault
  name: signOffKeySecretName
  properties: {
    value: signOffTokenKey
    contentType: 'text/plain'
  }
}

resource apiKeySecrets 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = [
  for (apiKey, i) in apiKeys: {
    parent: keyVault
    name: 'api-key-${i}'
    properties: {
      value: apiKey.key
      contentType: 'text/plain'
    }
  }
]

resource keyVaultRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, roles.keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------
// Function App: Flex Consumption, Linux, .NET 10 isolated worker
// ---------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer.name}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
  dependsOn: [
    storageRoleAssignments
  ]
}

// Key Vault references name the secret without a version, so the app picks up a new value on
// its next resolution (restart, or within a day). The URI is built from the vault's name rather
// than keyVault.properties.vaultUri so that it is known before deployment.

// One BetterCare__Principals__{i}__* group per person signed in with Entra ID.
var principalSettings = reduce(
  range(0, length(principals)),
  {},
  (settings, i) =>
    union(
      settings,
      {
        'BetterCare__Principals__${i}__Name': principals[i].name
        'BetterCare__Principals__${i}__Role': principals[i].role
      },
      empty(principals[i].?scope ?? '') ? {} : { 'BetterCare__Principals__${i}__Scope': principals[i].scope! }
    )
)

// One BetterCare__ApiKeys__{i}__* group per key; the key itself is a Key Vault reference.
var apiKeySettings = reduce(
  range(0, length(apiKeys)),
  {},
  (settings, i) =>
    union(
      settings,
      {
        'BetterCare__ApiKeys__${i}__Name': apiKeys[i].name
        'BetterCare__ApiKeys__${i}__Role': apiKeys[i].role
        'BetterCare__ApiKeys__${i}__Key': '@Microsoft.KeyVault(SecretUri=https://${keyVault.name}${environment().suffixes.keyvaultDns}/secrets/api-key-${i}/)'
      },
      empty(apiKeys[i].?scope ?? '') ? {} : { 'BetterCare__ApiKeys__${i}__Scope': apiKeys[i].scope! }
    )
)

// Flex Consumption refuses FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION,
// WEBSITE_RUN_FROM_PACKAGE and TZ here: the runtime comes from functionAppConfig, and timers run in UTC.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(
    {
      AzureWebJobsStorage__accountName: storage.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
      SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=https://${keyVault.name}${environment().suffixes.keyvaultDns}/secrets/${sendGridSecretName}/)'
      BetterCare__ReferenceDirectory: referenceDirectory
      BetterCare__Pipeline__MaxUploadBytes: string(maxUploadBytes)
      BetterCare__Pipeline__MaxAttempts: string(maxAttempts)
      BetterCare__Pipeline__RestartStalledAfter: restartStalledAfter
      BetterCare__Schedules__InboxSweep: inboxSweepSchedule
      BetterCare__Schedules__Periods: periodsSchedule
      BetterCare__SignOff__TokenKey: '@Microsoft.KeyVault(SecretUri=https://${keyVault.name}${environment().suffixes.keyvaultDns}/secrets/${signOffKeySecretName}/)'
      BetterCare__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${functionApp.properties.defaultHostName}' : publicBaseUrl
      // The service's own pages sit at the site's root (host.json's route prefix is empty).
      AzureWebJobsDisableHomepage: 'true'
      // App Service Authentication reads the Entra ID client secret from here.
      MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: '@Microsoft.KeyVault(SecretUri=https://${keyVault.name}${environment().suffixes.keyvaultDns}/secrets/${entraSecretName}/)'
    },
    principalSettings,
    apiKeySettings,
    additionalAppSettings
  )
  dependsOn: [
    keyVaultRoleAssignment
    appInsightsRoleAssignment
    sendGridSecret
    signOffKeySecret
    entraSecret
    apiKeySecrets
  ]
}

// App Service Authentication with Microsoft Entra ID. Pages need a signed-in person: anyone else
// is sent to the sign-in page (and back). Left open to the app's own checks: /api/* (API keys, or
// the signed-in principal; the app answers 401 to anyone else), /sign-off/* (a signatory's link is
// their key, and many signatories work outside the tenant) and /assets/* (the pages' styles and
// script). The platform sets X-MS-CLIENT-PRINCIPAL and WEBSITE_AUTH_ENABLED; the app believes the
// header only then.
resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: [
        '/api/*'
        '/sign-off/*'
        '/assets/*'
      ]
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET'
          openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${entraClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
      preserveUrlFragmentsForLogins: true
    }
    httpSettings: {
      requireHttps: true
    }
  }
  dependsOn: [
    appSettings
  ]
}

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

@description('Name of the Function App (az functionapp deploy -n ...).')
output functionAppName string = functionApp.name

@description('Host name of the Function App (the Event Grid webhook endpoint goes here).')
output functionAppHostName string = functionApp.properties.defaultHostName

@description('Name of the storage account.')
output storageAccountName string = storage.name

@description('Name of the Key Vault.')
output keyVaultName string = keyVault.name

@description('Client id of the managed identity the app runs as.')
output identityClientId string = identity.properties.clientId

@description('Event Grid system topic of the storage account (for the post-deployment subscription).')
output eventGridSystemTopicName string = systemTopic.name

@description('Container whose blob-created events drive the inbox blob trigger.')
output inboxContainerName string = inboxContainerName
